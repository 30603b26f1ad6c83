/** The Russian catalog: the same shape as `en.ts`, area by area. */
import type { Messages } from './en';
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

export const ru: Messages = {
  common: common.ru,
  settings: settings.ru,
  rulesAuth: rulesAuth.ru,
  rulesCors: rulesCors.ru,
  rulesRealtime: rulesRealtime.ru,
  rulesNetwork: rulesNetwork.ru,
  cors: cors.ru,
  toolbar: toolbar.ru,
  findings: findings.ru,
  timeline: timeline.ru,
  details: details.ru,
  story: story.ru,
  panel: panel.ru,
  replay: replay.ru,
  toggles: toggles.ru,
  files: files.ru,
  exportDialog: exportDialog.ru,
  frameFilter: frameFilter.ru,
  menu: menu.ru,
  har: har.ru,
  filterLanguage: filterLanguage.ru,
  redact: redact.ru,
  cli: cli.ru,
  report: report.ru,
};
