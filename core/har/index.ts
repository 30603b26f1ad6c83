/** HAR 1.2 export (streaming, redacted by default) and import (any tool's HAR), for the panel and the CLI. */
export { exportHar, exportHarBytes, exportHarGzip, previewRedaction } from './export';
export type { Compressor, HarExportOptions, HarExportProgress } from './export';
export { HarImportError, harNoticeText, harSkipReason, importHar, importHarText } from './import';
export type {
  HarErrorCode,
  HarErrorParams,
  HarImportOptions,
  HarImportProgress,
  HarImportResult,
  HarInput,
  HarNotice,
} from './import';
export type { HarSkipCode } from './read-entry';
export type * from './types';
