/**
 * FAQ retrieval: an in-memory Lucene BM25 index over question phrasings, with a
 * confidence.
 */
package th.or.depa.sca.nlp.faq;
