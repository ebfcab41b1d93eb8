export { main, runCli, helpText } from './main';
