/** The FAQ knowledge base: staff-editable entries, phrasings, answers and synonyms. */
package th.or.depa.sca.templates.faq;
