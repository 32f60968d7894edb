import { DocumentData } from '../document-data';
import { DocumentDataError } from '../document-data-error';

export interface FormSpec {
  /** "Mẫu số 01". */
  formNumber: string;
  title: string;
  /** The time the form is issued (place and date line, PDF creation date). */
  issuedAt: string;
}

/** One form: what it needs from the data (throwing `DocumentDataError` when it is missing) and its body. */
export interface FormRenderer {
  /** Validates the form's section of the data and names the form; called before anything is drawn. */
  spec(data: DocumentData): FormSpec;
  /** Draws everything between the title and the footer. */
  drawBody(doc: PDFKit.PDFDocument, data: DocumentData): void;
}

export function requireSection<T>(data: DocumentData, value: T | null | undefined, section: string): T {
  if (value === null || value === undefined) {
    throw new DocumentDataError(`Dossier ${data.dossierCode} has no ${section} data: form '${data.form}' cannot be issued`);
  }
  return value;
}

export function requireText(data: DocumentData, value: string | null | undefined, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DocumentDataError(`Dossier ${data.dossierCode}: ${what} is required for form '${data.form}'`);
  }
  return value.trim();
}

export const RESULT_DELIVERY_LABELS: Record<DocumentData['resultDelivery'], string> = {
  desk: 'Nhận trực tiếp tại Bộ phận tiếp nhận và trả kết quả',
  post: 'Qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến (bản điện tử trên Cổng dịch vụ công)',
};
