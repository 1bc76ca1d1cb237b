import './styles.css';
import { DashboardApp } from './app';

void new DashboardApp(document.getElementById('app')!).start();
