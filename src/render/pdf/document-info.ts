/** A PDF's document information (title, dates, …), set in one order for cards and sheets: the same input, the same bytes. */
import type { PDFDocument } from 'pdf-lib';
import type { CardMeta } from '../../core/layout/types';

export interface DocumentInfo {
  title: string;
  subject: string;
  keywords: string[];
  /** BCP 47, e.g. "en". */
  language: string;
  creator: string;
  producer: string;
  /** YYYY-MM-DD: the creation and modification date, at 00:00:00 UTC. */
  date: string;
}

/** The document information of a card made by `creator` ("Safety Card 0.1.0"), for a card's PDF or a sheet of it. */
export function cardDocumentInfo(meta: Pick<CardMeta, 'title' | 'subject' | 'keywords' | 'language' | 'date'>, creator: string): DocumentInfo {
  return { title: meta.title, subject: meta.subject, keywords: meta.keywords, language: meta.language, date: meta.date, creator, producer: `${creator} (pdf-lib)` };
}

/** Sets `info` on `pdf`; `titleInWindow` asks viewers to show the title instead of the file name. */
export function setDocumentInfo(pdf: PDFDocument, info: DocumentInfo, titleInWindow: boolean): void {
  const date = new Date(`${info.date}T00:00:00Z`);
  pdf.setTitle(info.title, { showInWindowTitleBar: titleInWindow });
  pdf.setSubject(info.subject);
  pdf.setKeywords(info.keywords);
  pdf.setLanguage(info.language);
  pdf.setCreator(info.creator);
  pdf.setProducer(info.producer);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
}
