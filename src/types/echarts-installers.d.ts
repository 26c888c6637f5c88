// ECharts types only its umbrella entry points, and those load every chart type (42 MB of a
// process). The chart imports the few installers it draws with one by one; this is their shape.
declare module 'echarts/lib/chart/line/install.js' {
  export function install(registers: unknown): void;
}
declare module 'echarts/lib/chart/bar/install.js' {
  export function install(registers: unknown): void;
}
declare module 'echarts/lib/component/title/install.js' {
  export function install(registers: unknown): void;
}
declare module 'echarts/lib/component/legend/install.js' {
  export function install(registers: unknown): void;
}
declare module 'echarts/lib/component/grid/installSimple.js' {
  export function install(registers: unknown): void;
}
declare module 'echarts/lib/renderer/installSVGRenderer.js' {
  export function install(registers: unknown): void;
}
