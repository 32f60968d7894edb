export * from './document-data';
export * from './document-data-error';
export { renderDocument, DOCUMENT_AUTHOR } from './render-document';
export { APOLOGY_TITLES } from './forms/apology.form';
export { CONTROL_SLIP_TITLE } from './forms/control-slip.form';
export { formatDateVn, formatTimeDateVn, formatVnd } from './vn-format';
export { documentFixture } from './document-fixture';
