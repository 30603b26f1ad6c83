/** Words shared by many parts of the UI and the findings. */
export const en = {
  unknown: 'unknown',
  yes: 'yes',
  no: 'no',
  close: 'Close',
  cancel: 'Cancel',
};

export const ru: typeof en = {
  unknown: 'неизвестно',
  yes: 'да',
  no: 'нет',
  close: 'Закрыть',
  cancel: 'Отмена',
};
