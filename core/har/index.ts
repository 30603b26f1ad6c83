/** HAR 1.2 export (streaming, redacted by default) and import (any tool's HAR), for the panel and the CLI. */
export { exportHar, exportHarBytes, exportHarGzip, previewRedaction } from './export';
export type { Compressor, HarExportOptions, HarExportProgress } from './export';
export { HarImportError, importHar, importHarText } from './import';
export type { HarImportOptions, HarImportProgress, HarImportResult, HarInput } from './import';
export type * from './types';
