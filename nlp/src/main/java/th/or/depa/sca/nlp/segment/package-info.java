/** Thai word segmentation with Lucene: user dictionary, synonyms, our stop list. */
package th.or.depa.sca.nlp.segment;
