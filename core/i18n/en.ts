/**
 * The English catalog: the source of truth for every message's id and parameters. It is built
 * from one file per area in `messages/`, each holding the area's English and Russian side by
 * side; `ru.ts` must have exactly this shape (the type checker and tests/core/i18n hold it).
 */
import * as common from './messages/common';
import * as settings from './messages/settings';
import * as rulesAuth from './messages/rules-auth';
import * as rulesCors from './messages/rules-cors';
import * as rulesRealtime from './messages/rules-realtime';
import * as rulesNetwork from './messages/rules-network';
import * as cors from './messages/cors';
import * as toolbar from './messages/toolbar';
import * as findings from './messages/findings';
import * as timeline from './messages/timeline';
import * as details from './messages/details';
import * as story from './messages/story';
import * as panel from './messages/panel';
import * as replay from './messages/replay';
import * as toggles from './messages/toggles';
import * as files from './messages/files';
import * as exportDialog from './messages/export-dialog';
import * as frameFilter from './messages/frame-filter';
import * as menu from './messages/menu';
import * as har from './messages/har';
import * as filterLanguage from './messages/filter-language';
import * as redact from './messages/redact';
import * as cli from './messages/cli';
import * as report from './messages/report';

export const en = {
  common: common.en,
  settings: settings.en,
  rulesAuth: rulesAuth.en,
  rulesCors: rulesCors.en,
  rulesRealtime: rulesRealtime.en,
  rulesNetwork: rulesNetwork.en,
  cors: cors.en,
  toolbar: toolbar.en,
  findings: findings.en,
  timeline: timeline.en,
  details: details.en,
  story: story.en,
  panel: panel.en,
  replay: replay.en,
  toggles: toggles.en,
  files: files.en,
  exportDialog: exportDialog.en,
  frameFilter: frameFilter.en,
  menu: menu.en,
  har: har.en,
  filterLanguage: filterLanguage.en,
  redact: redact.en,
  cli: cli.en,
  report: report.en,
};

/** Every message of the product: strings, and functions of named string/number parameters. */
export type Messages = typeof en;
