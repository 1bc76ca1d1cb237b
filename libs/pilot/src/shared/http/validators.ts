import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { businessDay } from '../business-day';
import { pseudonymousId } from '../pseudonymous-id';
import { pilotSiteCode } from '../teryt';

/**
 * class-validator decorators that run the domain's own checks, so the API refuses a name-like
 * case id, a bad TERYT code or an impossible date with the same words as the deciders, together
 * with every other field at fault, and before anything is read or written.
 */
function domainCheck(name: string, check: (value: unknown, field: string) => void, options?: ValidationOptions) {
  const reason = (args: ValidationArguments): string => {
    try {
      check(args.value, args.property);
      return `${args.property} is invalid`;
    } catch (error) {
      return (error as Error).message;
    }
  };
  return ValidateBy(
    {
      name,
      validator: {
        validate(value: unknown, args?: ValidationArguments) {
          try {
            check(value, args?.property ?? name);
            return true;
          } catch {
            return false;
          }
        },
        defaultMessage: reason,
      },
    },
    options,
  );
}

/** A uuid or a code like `mr1-KAR-0042`; never a name or a PESEL (the message never repeats the value). */
export const IsPseudonymousId = (codePrefix: 'case' | 'case-team', options?: ValidationOptions) =>
  domainCheck('isPseudonymousId', (value, field) => pseudonymousId(value, field, codePrefix), options);

/** The TERYT code of a gmina (7 digits) or a powiat (4 digits). */
export const IsTeryt = (options?: ValidationOptions) =>
  domainCheck('isTeryt', (value, field) => pilotSiteCode(value, field), options);

/** A calendar day `YYYY-MM-DD` (or an ISO date-time, whose day is kept as written). */
export const IsBusinessDate = (options?: ValidationOptions) =>
  domainCheck('isBusinessDate', (value, field) => businessDay(value, field), options);
