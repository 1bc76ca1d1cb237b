import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const validator = join(__dirname, 'validate.mjs');
const base = join(__dirname, 'base');

async function validate(dir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [validator, dir]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('Kubernetes manifests (deploy/k8s/base), validated offline', () => {
  let broken: string;
  beforeAll(() => {
    broken = mkdtempSync(join(tmpdir(), 'k8s-manifests-'));
    cpSync(base, broken, { recursive: true });
  });
  afterAll(() => rmSync(broken, { recursive: true, force: true }));

  it('are valid against the Kubernetes schemas and the project rules', async () => {
    const { code, output } = await validate(base);
    expect(output).toContain('every manifest is valid');
    expect(code).toBe(0);
  });

  it('name the file and the mistake when a manifest is wrong', async () => {
    const edit = (file: string, from: string, to: string) => {
      const text = readFileSync(join(broken, file), 'utf8');
      expect(text).toContain(from);
      writeFileSync(join(broken, file), text.replace(from, to));
    };
    edit('api.yaml', 'path: /health/ready', 'path: /healthz');
    edit(
      'api-autoscaling.yaml',
      'kind: Deployment\n    name: kooperacja-api',
      'kind: Deployment\n    name: kooperacja-web',
    );
    edit('projector.yaml', "limits: { cpu: '1', memory: 768Mi }", "limits: { cpu: '1' }");
    edit('projector.yaml', 'name: kooperacja-secrets', 'name: kooperacja-secret');

    const { code, output } = await validate(broken);
    expect(code).toBe(1);
    expect(output).toContain(
      'api.yaml: Deployment/kooperacja-api container api: readinessProbe checks /healthz, expected /health/ready',
    );
    expect(output).toContain(
      'api-autoscaling.yaml: HorizontalPodAutoscaler/kooperacja-api: scale target Deployment/kooperacja-web is not defined',
    );
    expect(output).toContain('container projector: resources.limits.memory is not set');
    expect(output).toContain('container projector: Secret "kooperacja-secret" is not defined');
  });

  it('reject a value of the wrong type by the Kubernetes schema', async () => {
    const text = readFileSync(join(base, 'api.yaml'), 'utf8').replace('containerPort: 3000', "containerPort: 'http'");
    writeFileSync(join(broken, 'api.yaml'), text);
    const { code, output } = await validate(broken);
    expect(code).toBe(1);
    expect(output).toMatch(/api\.yaml: Deployment\/kooperacja-api: schema: .*containerPort must be integer/);
  });
});
