/**
 * FAQ retrieval: an in-memory BM25 index over question phrasings (scored as Lucene's
 * BM25Similarity scores), with a confidence.
 */
package th.or.depa.sca.nlp.faq;
