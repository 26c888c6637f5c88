/** Slack's documented Block Kit limits that our builders must respect. */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  modalTitle: 24,
  modalButton: 24,
  optionText: 75,
  optionValue: 150,
  buttonText: 75,
  actionValue: 2000,
  selectOptions: 100,
  optionGroups: 100,
  checkboxOptions: 10,
  contextElements: 10,
  privateMetadata: 3000,
  inputMaxLength: 3000,
} as const;
