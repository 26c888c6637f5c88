// ECharts types only its umbrella entry points, and those load every chart type (42 MB of a
// process). The chart imports the few installers it draws with one by one (echarts/lib/…); each
// module exports one installer for echarts/core's use().
declare module 'echarts/lib/*' {
  export function install(registers: unknown): void;
}
