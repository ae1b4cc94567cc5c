package th.or.depa.sca.nlp.faq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

import th.or.depa.sca.nlp.segment.ThaiAnalysis;

/**
 * Finds the FAQ entry a question asks for: an in-memory BM25 index (ranked as Lucene
 * ranks, {@link Bm25Index}) with one document per entry (its phrasings, each word counted
 * once per phrasing that has it, and its answers at a lower weight), searched on whole
 * words and on character trigrams (which forgive segmentation slips), after unknown words
 * are mended against the FAQ's own ({@link Lexicon}); and a confidence that says how much
 * of the question the entry explains, so that the bot can decline to guess. Messages of
 * the off-topic list are documents of their own; a question one of them explains better
 * is declined.
 *
 * <p>
 * Immutable and thread-safe; build a new one when the FAQ changes.
 */
public final class FaqIndex {

	/**
	 * The id of the document that holds messages known not to be about the program: when
	 * one of them explains more of a question than any entry, the index answers nothing.
	 * Never reported as a match.
	 */
	public static final String OFF_TOPIC = "off-topic";

	/** Context (answer) text counts this much of a phrasing's words. */
	private static final float CONTEXT_WEIGHT = 0.3f;

	private static final int GRAM_SIZE = 3;

	/**
	 * Longer questions are cut here: the point of a chat question is in its first words.
	 */
	private static final int MAX_WORDS = 48;

	/** How much more than the FAQ's rarest word a word it has never seen weighs. */
	private static final double UNKNOWN_WEIGHT = 1.5;

	/** How much of the FAQ's rarest word a number it has never seen weighs. */
	private static final double NUMBER_WEIGHT = 0.25;

	private static final int MAX_RANKED = 8;

	/**
	 * A word of a thing asked after weighs in the check that an entry speaks of it only
	 * if it is at least this rare (a share of the idf of a word one entry has): "แบบ" in
	 * "มีแบบออนไลน์ไหม" says nothing of what is asked.
	 */
	private static final double THING_IDF = 0.5;

	/**
	 * How much of its confidence an entry keeps for a question that asks for a kind of
	 * thing its phrasings never ask for ({@link Asks}).
	 */
	private static final double UNASKED_WEIGHT = 0.5;

	/**
	 * How much of its confidence an entry about one round keeps for a question about
	 * another round only ({@link Rounds}): its facts are that round's.
	 */
	private static final double OTHER_ROUND_WEIGHT = 0.25;

	/**
	 * Two candidates this close in confidence are a tie: neither is the answer, and the
	 * closest entries are offered, rather than one picked by a hair.
	 */
	private static final double TIE_MARGIN = 0.02;

	/** Off-topic messages are documents of their own; this many more hits make room. */
	private static final int OFF_TOPIC_HITS = 8;

	private final ThaiAnalysis analysis;

	private final FaqSettings settings;

	private final List<Phrasing> phrasings;

	/** Every word of the phrasings and answers, with where it is. */
	private final Map<String, Term> words;

	/** Every trigram of the phrasings and answers, with where it is. */
	private final Map<String, Term> grams;

	private final float unknownIdf;

	/** The weight (idf) of a word that one entry has. */
	private final float rareIdf;

	private final Lexicon lexicon;

	/** The discriminative ranker beside BM25; null when switched off. */
	private final FaqClassifier classifier;

	/** Each entry's first phrasing, for a match only the classifier found. */
	private final Map<String, String> firstPhrasing;

	/** The classifier's index of each class id. */
	private final Map<String, Integer> classIndex;

	/** The kinds of thing each entry's phrasings ask for ({@link Asks}). */
	private final Map<String, Set<Asks>> asks;

	/** The round each round-specific entry is about ({@link Rounds}). */
	private final Map<String, Integer> rounds;

	/**
	 * The words for people besides the applicant that each entry names (as analysed), and
	 * all of them: a question naming one is not for the entries that do not.
	 */
	private final Map<String, Set<String>> people;

	private final Set<String> peopleWords;

	/** The words of each entry's phrasings and answer. */
	private final Map<String, Set<String>> vocabulary;

	/**
	 * The words of things asked after, by their text: a message's readings (its clause,
	 * its asking phrase) share them, and each is an analysis of its own. Emptied when
	 * full; the index's only state that changes.
	 */
	private final Map<Existence.Thing, Set<String>> thingWords = new ConcurrentHashMap<>();

	private static final int MAX_THINGS_KEPT = 20_000;

	private FaqIndex(ThaiAnalysis analysis, FaqSettings settings, List<Phrasing> phrasings, Map<String, Term> words,
			Map<String, Term> grams, float unknownIdf, float rareIdf, Lexicon lexicon, FaqClassifier classifier,
			Map<String, Set<Asks>> asks, Map<String, Integer> rounds, Map<String, Set<String>> people) {
		this.analysis = analysis;
		this.settings = settings;
		this.phrasings = phrasings;
		this.words = words;
		this.grams = grams;
		this.unknownIdf = unknownIdf;
		this.rareIdf = rareIdf;
		this.lexicon = lexicon;
		this.classifier = classifier;
		Map<String, String> first = new HashMap<>();
		for (Phrasing phrasing : phrasings) {
			first.putIfAbsent(phrasing.id(), phrasing.text());
		}
		this.firstPhrasing = Map.copyOf(first);
		this.classIndex = (classifier != null) ? Map.copyOf(classifier.classIndex()) : Map.of();
		this.asks = Map.copyOf(asks);
		this.rounds = Map.copyOf(rounds);
		this.people = Map.copyOf(people);
		Set<String> all = new HashSet<>();
		people.values().forEach(all::addAll);
		this.peopleWords = Set.copyOf(all);
		Map<String, Set<String>> vocabulary = new HashMap<>();
		for (Phrasing phrasing : phrasings) {
			if (!phrasing.id().equals(OFF_TOPIC)) {
				Set<String> own = new HashSet<>(phrasing.words());
				own.addAll(phrasing.contextWords());
				vocabulary.put(phrasing.id(), Set.copyOf(own));
			}
		}
		this.vocabulary = Map.copyOf(vocabulary);
	}

	/** Indexes every phrasing of every entry. */
	public static FaqIndex build(Collection<FaqDocument> documents, ThaiAnalysis analysis, FaqSettings settings) {
		List<Phrasing> phrasings = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		List<String> labels = new ArrayList<>();
		List<List<String>> examples = new ArrayList<>();
		Map<String, Set<Asks>> asks = new HashMap<>();
		Map<String, Integer> rounds = new HashMap<>();
		Map<String, Set<String>> people = new HashMap<>();
		for (FaqDocument document : documents) {
			Set<String> named = new HashSet<>();
			for (String word : document.people()) {
				named.addAll(analysis.words(word));
			}
			people.put(document.id(), Set.copyOf(named));
			if (document.round() != null) {
				rounds.put(document.id(), document.round());
			}
			if (!ids.add(document.id())) {
				throw new IllegalArgumentException("Two FAQ entries have the id '" + document.id() + "'");
			}
			if (document.id().equals(OFF_TOPIC)) {
				// One short document per message, so that BM25 ranks a close one high.
				for (String message : document.questions()) {
					List<String> messageWords = limit(analysis.words(message));
					if (!messageWords.isEmpty()) {
						labels.add(OFF_TOPIC);
						examples.add(messageWords);
						phrasings.add(new Phrasing(OFF_TOPIC, message, new LinkedHashSet<>(messageWords),
								grams(messageWords), Set.of(), Set.of(), List.copyOf(messageWords),
								List.copyOf(grams(messageWords))));
					}
				}
				continue;
			}
			Set<String> words = new LinkedHashSet<>();
			Set<String> grams = new LinkedHashSet<>();
			List<String> wordText = new ArrayList<>();
			List<String> gramText = new ArrayList<>();
			Set<Asks> kinds = EnumSet.noneOf(Asks.class);
			asks.put(document.id(), kinds);
			if (document.answers() != null) {
				for (String kind : document.answers()) {
					kinds.add(Asks.valueOf(kind.toUpperCase(Locale.ROOT)));
				}
			}
			for (String question : document.questions()) {
				if (document.answers() == null) {
					kinds.addAll(Asks.in(question));
				}
				List<String> questionWords = limit(analysis.words(question));
				if (questionWords.isEmpty()) {
					throw new IllegalArgumentException("FAQ entry '" + document.id() + "': the question '" + question
							+ "' has no words left after stop words are removed");
				}
				labels.add(document.id());
				examples.add(questionWords);
				words.addAll(questionWords);
				grams.addAll(grams(questionWords));
				// A word counts once per phrasing that has it: BM25 then ranks an entry
				// higher for the words its phrasings use most.
				wordText.addAll(new LinkedHashSet<>(questionWords));
				gramText.addAll(grams(questionWords));
			}
			Set<String> contextWords = new LinkedHashSet<>();
			Set<String> contextGrams = new LinkedHashSet<>();
			for (String text : document.context()) {
				List<String> textWords = analysis.words(text);
				contextWords.addAll(textWords);
				for (String word : textWords) {
					contextGrams.addAll(grams(List.of(word)));
				}
			}
			phrasings.add(new Phrasing(document.id(), document.questions().get(0), words, grams, contextWords,
					contextGrams, wordText, gramText));
		}
		List<List<String>> wordTexts = new ArrayList<>();
		List<List<String>> gramTexts = new ArrayList<>();
		List<List<String>> contextTexts = new ArrayList<>();
		for (Phrasing phrasing : phrasings) {
			wordTexts.add(phrasing.wordText());
			gramTexts.add(phrasing.gramText());
			contextTexts.add(List.copyOf(phrasing.contextWords()));
		}
		Map<String, Bm25Index.Postings> wordPostings = Bm25Index.field(wordTexts, settings.wordWeight());
		Map<String, Bm25Index.Postings> gramPostings = Bm25Index.field(gramTexts, settings.gramWeight());
		Map<String, Bm25Index.Postings> contextPostings = Bm25Index.field(contextTexts,
				settings.wordWeight() * CONTEXT_WEIGHT);
		// The confidence weighs terms by the entries alone: a word only the off-topic
		// list has is one the FAQ does not know.
		Map<String, Integer> wordFrequency = new HashMap<>();
		Map<String, Integer> gramFrequency = new HashMap<>();
		Map<String, Integer> known = new HashMap<>();
		int count = 0;
		for (Phrasing phrasing : phrasings) {
			phrasing.words().forEach((word) -> known.merge(word, 2, Integer::sum));
			phrasing.contextWords().forEach((word) -> known.merge(word, 1, Integer::sum));
			if (!phrasing.id().equals(OFF_TOPIC)) {
				count++;
				phrasing.words().forEach((word) -> wordFrequency.merge(word, 1, Integer::sum));
				phrasing.grams().forEach((gram) -> gramFrequency.merge(gram, 1, Integer::sum));
			}
		}
		Map<String, Term> words = terms(phrasings, Phrasing::words, Phrasing::contextWords, idf(count, wordFrequency),
				wordPostings, contextPostings);
		Map<String, Term> grams = terms(phrasings, Phrasing::grams, Phrasing::contextGrams, idf(count, gramFrequency),
				gramPostings, Map.of());
		Lexicon lexicon = Lexicon.of(known, analysis.variants());
		FaqClassifier classifier = (settings.classifierWeight() > 0 && new HashSet<>(labels).size() > 1)
				? FaqClassifier.train(labels, examples) : null;
		return new FaqIndex(analysis, settings, List.copyOf(phrasings), words, grams, idf(count, 0), idf(count, 1),
				lexicon, classifier, asks, rounds, people);
	}

	/**
	 * Each term of the phrasings (or of their answers) with the phrasings that have it,
	 * its idf over the entries and its postings.
	 */
	private static Map<String, Term> terms(List<Phrasing> phrasings, Function<Phrasing, Set<String>> own,
			Function<Phrasing, Set<String>> context, Map<String, Float> idf, Map<String, Bm25Index.Postings> postings,
			Map<String, Bm25Index.Postings> contextPostings) {
		Map<String, IntList> members = new HashMap<>();
		Map<String, IntList> contextMembers = new HashMap<>();
		for (int doc = 0; doc < phrasings.size(); doc++) {
			for (String term : own.apply(phrasings.get(doc))) {
				members.computeIfAbsent(term, (t) -> new IntList()).add(doc);
			}
			for (String term : context.apply(phrasings.get(doc))) {
				contextMembers.computeIfAbsent(term, (t) -> new IntList()).add(doc);
			}
		}
		Set<String> all = new HashSet<>(members.keySet());
		all.addAll(contextMembers.keySet());
		all.addAll(postings.keySet());
		all.addAll(contextPostings.keySet());
		Map<String, Term> terms = new HashMap<>(all.size() * 2);
		for (String term : all) {
			Float known = idf.get(term);
			terms.put(term, new Term((known != null) ? known : Float.NaN, IntList.toArray(members.get(term)),
					IntList.toArray(contextMembers.get(term)), postings.get(term), contextPostings.get(term)));
		}
		return terms;
	}

	/** How many phrasings are indexed. */
	public int size() {
		return this.phrasings.size();
	}

	/**
	 * A message of one clause up to this many words is one question; a longer one, or one
	 * of several clauses, is also asked clause by clause and phrase by phrase (greetings
	 * and introductions left out).
	 */
	private static final int SHORT_MESSAGE_WORDS = 14;

	/**
	 * How confident the answer to a message's second question must be. Chosen on the
	 * two-question development set (2026-12-02): 0.35 missed second questions there (90.0
	 * %), 0.32 answered 91.8 % and gave no eval question a second answer more; 0.30–0.31
	 * did.
	 */
	private static final double SECOND_ANSWER_CONFIDENCE = 0.32;

	/**
	 * A clause answered this clearly is a question of its own whatever the weight of its
	 * words ("เทศบาลสมัครได้ด้วยไหมครับ" after a question about the quota).
	 */
	private static final double CLEAR_SECOND_ANSWER = 0.75;

	/**
	 * How much weight (idf) of words the FAQ knows a second question needs: one rare
	 * word, or a few common ones ("โครงการนี้" alone is not a question of its own).
	 */
	private static final double SECOND_QUESTION_WEIGHT = 0.9;

	/**
	 * A clause the message's main entry explains this nearly as well as its own best asks
	 * the main question again.
	 */
	private static final double RESTATED_SHARE = 0.75;

	/**
	 * Finds the entry the message asks for, or says that none is close enough. A long
	 * message is answered on the clause that asks something and matches best, when that
	 * beats the message as a whole.
	 */
	public FaqResult ask(String message) {
		return read(message).best();
	}

	/**
	 * Every question a message asks that the FAQ answers, one answer per entry, in the
	 * message's order: two for "how much does it cost, and when does it close?". Empty
	 * when nothing is answered; for a message with one question, that answer alone.
	 */
	public List<FaqResult.Answer> askAll(String message) {
		return read(message).answers();
	}

	/** {@link #ask} and {@link #askAll} at once, the message analysed once. */
	public Reading read(String message) {
		List<String> analysed = this.analysis.words(message);
		Asked wholeRead = askAnalysed(analysed, message);
		FaqResult whole = wholeRead.result();
		FaqResult best = whole;
		Map<String, Asked> answers = new LinkedHashMap<>();
		for (Asked read : clauseResults(message, wholeRead, analysed.size())) {
			Asked clause = inContext(read, whole);
			if (clause.result() instanceof FaqResult.Answer answer) {
				answers.putIfAbsent(answer.match().id(), clause);
				if (!(best instanceof FaqResult.Answer chosen)
						|| answer.match().confidence() > chosen.match().confidence()) {
					best = answer;
				}
			}
		}
		if (answers.size() >= 2 && best instanceof FaqResult.Answer chosen) {
			String id = chosen.match().id();
			List<FaqResult.Answer> all = answers.values()
				.stream()
				.filter((clause) -> clause.answer().match().id().equals(id) || secondQuestion(clause, id))
				.map(Asked::answer)
				.toList();
			if (all.size() >= 2) {
				return new Reading(best, all);
			}
		}
		return new Reading(best, (best instanceof FaqResult.Answer answer) ? List.of(answer) : List.of());
	}

	/**
	 * A clause that fits two entries alike on its own words ("… and what did they
	 * achieve?") is read in its message: the tie goes to the entry the whole message fits
	 * clearly better, if one does.
	 */
	private Asked inContext(Asked clause, FaqResult whole) {
		if (!(clause.result() instanceof FaqResult.Unsure unsure)) {
			return clause;
		}
		List<FaqMatch> ranked = unsure.ranked();
		double top = ranked.isEmpty() ? 0 : ranked.get(0).confidence();
		if (ranked.size() < 2 || top < this.settings.answerConfidence()
				|| top - ranked.get(1).confidence() >= TIE_MARGIN) {
			return clause; // not a tie between entries: unsure on its own words
		}
		FaqMatch pick = null;
		double first = 0;
		double second = 0;
		for (FaqMatch tied : ranked) {
			if (top - tied.confidence() >= TIE_MARGIN) {
				break;
			}
			double inWhole = whole.ranked()
				.stream()
				.filter((match) -> match.id().equals(tied.id()))
				.mapToDouble(FaqMatch::confidence)
				.findFirst()
				.orElse(0);
			if (inWhole > first) {
				second = first;
				first = inWhole;
				pick = tied;
			}
			else if (inWhole > second) {
				second = inWhole;
			}
		}
		if (pick == null || first - second < TIE_MARGIN) {
			return clause;
		}
		return new Asked(new FaqResult.Answer(pick, ranked), clause.known(), clause.kinds(), clause.movesOn());
	}

	/**
	 * Whether a clause's answer is to a question of its own beside the message's main one
	 * (entry {@code main}): a clear answer, on words the FAQ knows that weigh enough,
	 * that the main entry does not nearly explain as well. A clause that only brushes an
	 * entry is part of the story; one the main entry also fits asks the same thing again
	 * ("… will there be a mentor? who looks after us?").
	 */
	private boolean secondQuestion(Asked clause, String main) {
		FaqMatch match = clause.answer().match();
		if (match.confidence() < Math.max(SECOND_ANSWER_CONFIDENCE, this.settings.answerConfidence())
				|| (clause.known() < SECOND_QUESTION_WEIGHT * this.rareIdf && !asksOtherKind(clause, main)
						&& !clause.movesOn() && match.confidence() < CLEAR_SECOND_ANSWER)) {
			return false;
		}
		for (FaqMatch other : clause.answer().ranked()) {
			if (other.id().equals(main)) {
				return other.confidence() < RESTATED_SHARE * match.confidence();
			}
		}
		return true;
	}

	/**
	 * Whether a clause asks for a kind of thing (a place, a time …) that its own entry
	 * answers and the main entry does not: "ปิดรับวันไหน สมัครที่ไหนคะ" asks a time and
	 * then a place, a second question even in common words.
	 */
	private boolean asksOtherKind(Asked clause, String main) {
		if (clause.kinds().isEmpty()) {
			return false;
		}
		Set<Asks> own = this.asks.getOrDefault(clause.answer().match().id(), Set.of());
		Set<Asks> mains = this.asks.getOrDefault(main, Set.of());
		return own.containsAll(clause.kinds()) && !mains.containsAll(clause.kinds());
	}

	/**
	 * What the index makes of a message.
	 *
	 * @param best the one answer (or the closest entries, or none)
	 * @param answers every question of the message the FAQ answers, one per entry, in the
	 * message's order: more than one when it asks about several things
	 */
	public record Reading(FaqResult best, List<FaqResult.Answer> answers) {
	}

	/**
	 * The results of a message's asking clauses (ended by particles, marks, sentences),
	 * and for a long message of its asking phrases too; none for a short message of one
	 * clause, which is one question (its phrases alone lose what tells a trap from a real
	 * question).
	 */
	private List<Asked> clauseResults(String message, Asked whole, int words) {
		boolean longMessage = words > SHORT_MESSAGE_WORDS;
		List<String> clauses = Clauses.split(message);
		if (clauses.size() < 2 && !longMessage) {
			return List.of();
		}
		// A reading that is the whole message, or one read already, is not read again.
		Map<String, Asked> read = new HashMap<>();
		read.put(message, whole);
		List<Asked> out = new ArrayList<>();
		String unanswered = null;
		for (List<String> readings : Clauses.asked(clauses, true)) {
			// "ดีป้ามีคูปองดิจิทัลไหม สมัครยังไง": how to apply, right after a question
			// about something the FAQ does not answer, is about applying for that thing.
			String about = (unanswered != null && Clauses.onlyHowToApply(readings.get(0))) ? unanswered : null;
			// One question: the reading of it that is answered best stands for it (the
			// clause, or its asking phrase without the story around it), a later reading
			// only when clearly better: "objective ของโครงการคืออะไร" is about the aim,
			// though "ของโครงการคืออะไร" alone fits what the program is a hair better.
			Asked question = null;
			for (String reading : readings) {
				Asked asked = (about != null)
						? askAnalysed(this.analysis.words(reading), reading, rounds(reading, clauses), about)
						: read.computeIfAbsent(reading,
								(text) -> askAnalysed(this.analysis.words(text), text, rounds(text, clauses), null));
				if (question != null && !weighs(asked)) {
					// A phrase of common words ("ยังเป็น") is no question of its own.
					continue;
				}
				if (question == null || (asked.result() instanceof FaqResult.Answer answer
						&& (!(question.result() instanceof FaqResult.Answer chosen)
								|| answer.match().confidence() > chosen.match().confidence() + TIE_MARGIN))) {
					question = asked;
				}
			}
			out.add(question);
			unanswered = (question.result() instanceof FaqResult.Answer) ? null : readings.get(0);
		}
		return out;
	}

	/**
	 * Whether a phrase read without its clause may stand for it: on words the FAQ knows
	 * that weigh enough, or answered clearly.
	 */
	private boolean weighs(Asked phrase) {
		return phrase.known() >= SECOND_QUESTION_WEIGHT * this.rareIdf
				|| (phrase.result() instanceof FaqResult.Answer answer
						&& answer.match().confidence() >= CLEAR_SECOND_ANSWER);
	}

	/**
	 * The rounds a reading is about: those it names, else those its clause names ("รุ่น 3
	 * เปิดรับสมัครเมื่อไหร่" read as its asking phrase alone is still about round 3).
	 */
	private static Set<Integer> rounds(String reading, List<String> clauses) {
		Set<Integer> own = Rounds.in(reading);
		if (!own.isEmpty()) {
			return own;
		}
		for (String clause : clauses) {
			if (clause.length() > reading.length() && clause.contains(reading)) {
				return Rounds.in(clause);
			}
		}
		return own;
	}

	/**
	 * A question's result, the weight (idf) of its words that the FAQ knows (numbers
	 * aside) and the kinds of thing it asks for.
	 */
	private record Asked(FaqResult result, double known, Set<Asks> kinds, boolean movesOn) {

		FaqResult.Answer answer() {
			return (FaqResult.Answer) this.result;
		}

	}

	private Asked askAnalysed(List<String> analysed, String text) {
		return askAnalysed(analysed, text, Rounds.in(text), null);
	}

	/**
	 * @param about a question before this one that this one is about, whose things asked
	 * after are this one's too; or null
	 */
	private Asked askAnalysed(List<String> analysed, String text, Set<Integer> rounds, String about) {
		Set<Asks> kinds = Asks.in(text);
		List<String> words = this.lexicon.correct(limit(analysed));
		if (words.isEmpty()) {
			return new Asked(new FaqResult.NoMatch(List.of()), 0, kinds, false);
		}
		Set<String> queryWords = new LinkedHashSet<>(words);
		double known = 0;
		for (String word : queryWords) {
			Term term = this.words.get(word);
			if (term != null && !Float.isNaN(term.idf()) && !isNumber(word)) {
				known += term.idf();
			}
		}
		return new Asked(rankAnalysed(words, queryWords, kinds, rounds, text, about), known, kinds,
				Clauses.movesOn(text) && Clauses.asks(text));
	}

	/**
	 * The words of each thing the text asks whether there is ({@link Existence}), those
	 * the FAQ knows as rare words and those it does not know; none when it asks no such
	 * thing or only in common words.
	 */
	private List<Set<String>> things(String text) {
		List<Existence.Thing> texts = Existence.in(text);
		if (texts.isEmpty()) {
			return List.of();
		}
		List<Set<String>> things = new ArrayList<>(texts.size());
		for (Existence.Thing thing : texts) {
			Set<String> words = this.thingWords.get(thing);
			if (words == null) {
				words = thingWords(thing);
				if (this.thingWords.size() >= MAX_THINGS_KEPT) {
					this.thingWords.clear();
				}
				this.thingWords.put(thing, words);
			}
			if (!words.isEmpty()) {
				things.add(words);
			}
		}
		return things;
	}

	private Set<String> thingWords(Existence.Thing thing) {
		Set<String> words = new HashSet<>();
		List<String> analysed = this.lexicon.correct(this.analysis.words(thing.text()));
		if (thing.firstWord() && analysed.size() > 1) {
			analysed = analysed.subList(0, 1);
		}
		for (String word : analysed) {
			Term term = this.words.get(word);
			if (!isNumber(word)
					&& (term == null || Float.isNaN(term.idf()) || term.idf() >= this.rareIdf * THING_IDF)) {
				words.add(word);
			}
		}
		return Set.copyOf(words);
	}

	private FaqResult rankAnalysed(List<String> words, Set<String> queryWords, Set<Asks> kinds, Set<Integer> rounds,
			String text, String about) {
		Set<String> queryGrams = grams(words);
		List<FaqMatch> all = rank(queryWords, queryGrams);
		if (this.classifier != null) {
			all = blend(all, this.classifier.predict(words, queryGrams));
		}
		if (!kinds.isEmpty()) {
			all = unasked(all, kinds);
		}
		if (!rounds.isEmpty() && !this.rounds.isEmpty()) {
			all = otherRound(all, rounds);
		}
		if (!this.peopleWords.isEmpty()) {
			all = otherPeople(all, queryWords);
		}
		// Only an entry that could be the answer is checked for the things asked after:
		// weighing the others less changes no answer, and reading the things costs an
		// analysis each.
		if (!all.isEmpty() && !all.get(0).id().equals(OFF_TOPIC)
				&& all.get(0).confidence() >= this.settings.answerConfidence()) {
			List<Set<String>> things = things(text);
			if (about != null) {
				things = new ArrayList<>(things);
				things.addAll(things(about));
			}
			for (Set<String> thing : things) {
				all = weighLess(all, (id) -> !id.equals(OFF_TOPIC)
						&& Collections.disjoint(this.vocabulary.getOrDefault(id, Set.of()), thing));
			}
		}
		List<FaqMatch> ranked = all.stream().filter((match) -> !match.id().equals(OFF_TOPIC)).toList();
		if (ranked.isEmpty() || all.get(0).id().equals(OFF_TOPIC)) {
			// Closest to the messages known to be about something else.
			return new FaqResult.NoMatch(ranked);
		}
		FaqMatch best = ranked.get(0);
		double runnerUp = (all.size() > 1) ? all.get(1).confidence() : 0;
		if (best.confidence() >= this.settings.answerConfidence() && best.confidence() - runnerUp >= TIE_MARGIN) {
			return new FaqResult.Answer(best, ranked);
		}
		List<FaqMatch> closest = ranked.stream()
			.filter((match) -> match.confidence() >= this.settings.suggestConfidence())
			.limit(this.settings.suggestions())
			.toList();
		return closest.isEmpty() ? new FaqResult.NoMatch(ranked) : new FaqResult.Unsure(closest, ranked);
	}

	/**
	 * One confidence from both rankers: each candidate's BM25 coverage and its classifier
	 * probability, mixed by {@code classifierWeight}; the off-topic class competes like
	 * any entry, and the classifier's own best class joins the candidates if BM25 missed
	 * it.
	 */
	private List<FaqMatch> blend(List<FaqMatch> bm25, FaqClassifier.Prediction prediction) {
		double weight = this.settings.classifierWeight();
		Map<String, FaqMatch> candidates = new LinkedHashMap<>();
		for (FaqMatch match : bm25) {
			double p = probability(prediction, match.id());
			candidates.put(match.id(), new FaqMatch(match.id(), match.score(),
					(1 - weight) * match.confidence() + weight * p, match.phrasing()));
		}
		String likeliest = prediction.ids()[prediction.likeliest()];
		for (String id : new String[] { OFF_TOPIC, likeliest }) {
			if (!candidates.containsKey(id)) {
				double p = probability(prediction, id);
				candidates.put(id, new FaqMatch(id, 0, weight * p, this.firstPhrasing.getOrDefault(id, "")));
			}
		}
		List<FaqMatch> out = new ArrayList<>(candidates.values());
		out.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
		return out;
	}

	/**
	 * Entries whose phrasings never ask what the question asks for (a place, a person, a
	 * time …) weigh less: "where is depa's office?" is not answered by what depa is.
	 */
	private List<FaqMatch> unasked(List<FaqMatch> ranked, Set<Asks> kinds) {
		return weighLess(ranked, (id) -> {
			Set<Asks> answered = this.asks.get(id);
			return answered != null && !answered.containsAll(kinds);
		});
	}

	/**
	 * An entry about one round weighs less for a question about another: "how many cities
	 * joined round 1?" is not answered by round 2's quota.
	 */
	private List<FaqMatch> otherRound(List<FaqMatch> ranked, Set<Integer> asked) {
		return weighLess(ranked, (id) -> {
			Integer round = this.rounds.get(id);
			return round != null && !asked.contains(round);
		}, OTHER_ROUND_WEIGHT);
	}

	/**
	 * Entries that do not name the people a question names weigh less: "how much are the
	 * mentors paid?" is not answered by the ambassadors' allowance, nor "what do captains
	 * need to qualify?" by who may apply.
	 */
	private List<FaqMatch> otherPeople(List<FaqMatch> ranked, Set<String> queryWords) {
		Set<String> named = new HashSet<>();
		for (String word : queryWords) {
			if (this.peopleWords.contains(word)) {
				named.add(word);
			}
		}
		if (named.isEmpty()) {
			return ranked;
		}
		return weighLess(ranked,
				(id) -> !id.equals(OFF_TOPIC) && !this.people.getOrDefault(id, Set.of()).containsAll(named));
	}

	/**
	 * The candidates, those that do not answer the question at {@link #UNASKED_WEIGHT}.
	 */
	private static List<FaqMatch> weighLess(List<FaqMatch> ranked, Predicate<String> unanswered) {
		return weighLess(ranked, unanswered, UNASKED_WEIGHT);
	}

	private static List<FaqMatch> weighLess(List<FaqMatch> ranked, Predicate<String> unanswered, double weight) {
		List<FaqMatch> out = new ArrayList<>(ranked.size());
		boolean changed = false;
		for (FaqMatch match : ranked) {
			if (unanswered.test(match.id())) {
				out.add(new FaqMatch(match.id(), match.score(), match.confidence() * weight, match.phrasing()));
				changed = true;
			}
			else {
				out.add(match);
			}
		}
		if (changed) {
			out.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
		}
		return out;
	}

	private double probability(FaqClassifier.Prediction prediction, String id) {
		Integer index = this.classIndex.get(id);
		return (index != null) ? prediction.probability(index) : 0;
	}

	private List<FaqMatch> rank(Set<String> words, Set<String> grams) {
		Weighted wordWeights = weigh(words, this.words, true);
		Weighted gramWeights = weigh(grams, this.grams, false);
		Bm25Index.Scores scores = new Bm25Index.Scores(this.phrasings.size());
		for (Term word : wordWeights.terms()) {
			if (word != null) {
				scores.add(word.postings());
				scores.add(word.contextPostings());
			}
		}
		for (Term gram : gramWeights.terms()) {
			if (gram != null) {
				scores.add(gram.postings());
			}
		}
		List<Bm25Index.Hit> hits = scores.top(MAX_RANKED + OFF_TOPIC_HITS);
		int[] slots = new int[this.phrasings.size()];
		Arrays.fill(slots, -1);
		for (int i = 0; i < hits.size(); i++) {
			slots[hits.get(i).doc()] = i;
		}
		double[] wordCoverage = wordWeights.coverage(slots, hits.size());
		double[] gramCoverage = gramWeights.coverage(slots, hits.size());
		Map<String, FaqMatch> ranked = new LinkedHashMap<>();
		FaqMatch offTopic = null;
		for (int i = 0; i < hits.size(); i++) {
			Bm25Index.Hit hit = hits.get(i);
			Phrasing entry = this.phrasings.get(hit.doc());
			double confidence = confidence(wordCoverage[i], gramCoverage[i]);
			if (entry.id().equals(OFF_TOPIC)) {
				FaqMatch match = new FaqMatch(OFF_TOPIC, hit.score(), confidence, entry.text());
				if (offTopic == null || match.confidence() > offTopic.confidence()) {
					offTopic = match;
				}
			}
			else if (!ranked.containsKey(entry.id()) && ranked.size() < MAX_RANKED) {
				ranked.put(entry.id(), new FaqMatch(entry.id(), hit.score(), confidence, entry.text()));
			}
		}
		List<FaqMatch> out = new ArrayList<>(ranked.values());
		if (offTopic != null) {
			// Placed by confidence: ahead of the entries when one message explains
			// more of the question than any entry does.
			int at = 0;
			while (at < out.size() && out.get(at).confidence() >= offTopic.confidence()) {
				at++;
			}
			out.add(at, offTopic);
		}
		return out;
	}

	/**
	 * The share of the question's weight (idf) that the entry's phrasings contain (its
	 * answer counts less), on words and on trigrams. Words the FAQ has never seen weigh
	 * more than its rarest word, so that a question about something else that shares a
	 * few of the FAQ's words ("สมัครสอบ ก.พ. ได้ถึงวันไหน") scores low.
	 */
	private static double confidence(double words, double grams) {
		return (words + grams) / 2;
	}

	private Weighted weigh(Set<String> terms, Map<String, Term> indexed, boolean words) {
		Term[] found = new Term[terms.size()];
		double[] weights = new double[terms.size()];
		double total = 0;
		int i = 0;
		for (String term : terms) {
			found[i] = indexed.get(term);
			if (found[i] != null && !Float.isNaN(found[i].idf())) {
				weights[i] = found[i].idf();
			}
			else if (words ? isNumber(term) : Lexicon.hasDigit(term)) {
				// A number the FAQ lacks is a detail of the question ("อายุ 35"), not a
				// sign that it is about something else.
				weights[i] = this.unknownIdf * NUMBER_WEIGHT;
			}
			else {
				weights[i] = this.unknownIdf * UNKNOWN_WEIGHT;
			}
			total += weights[i];
			i++;
		}
		return new Weighted(found, weights, total);
	}

	private static boolean isNumber(String word) {
		for (int i = 0; i < word.length(); i++) {
			if (!Character.isDigit(word.charAt(i))) {
				return false;
			}
		}
		return !word.isEmpty();
	}

	private static List<String> limit(List<String> words) {
		return (words.size() > MAX_WORDS) ? words.subList(0, MAX_WORDS) : words;
	}

	static Set<String> grams(List<String> words) {
		String joined = String.join("", words);
		Set<String> grams = new LinkedHashSet<>();
		if (joined.length() <= GRAM_SIZE) {
			grams.add(joined);
			return grams;
		}
		for (int i = 0; i + GRAM_SIZE <= joined.length(); i++) {
			grams.add(joined.substring(i, i + GRAM_SIZE));
		}
		return grams;
	}

	private static Map<String, Float> idf(int docCount, Map<String, Integer> frequency) {
		Map<String, Float> idf = new HashMap<>();
		frequency.forEach((term, docFreq) -> idf.put(term, idf(docCount, docFreq)));
		return Map.copyOf(idf);
	}

	/** BM25's idf, so that the confidence weighs terms as the ranking does. */
	private static float idf(int docCount, int docFreq) {
		return (float) Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
	}

	/**
	 * A question's terms (null where the index lacks one) with their weights, worked out
	 * once per question.
	 */
	private record Weighted(Term[] terms, double[] weights, double total) {

		/**
		 * The coverage of each hit, the hit of document {@code d} being at
		 * {@code slots[d]} ({@code -1} for a document that is not a hit). A term counts
		 * in full where the phrasing has it, in part where only the answer has it; terms
		 * are added in the question's order, as a hit at a time would add them.
		 */
		double[] coverage(int[] slots, int hits) {
			double[] covered = new double[hits];
			int[] counted = new int[hits];
			Arrays.fill(counted, -1);
			for (int i = 0; i < this.terms.length; i++) {
				Term term = this.terms[i];
				if (term == null) {
					continue;
				}
				for (int doc : term.members()) {
					int slot = slots[doc];
					if (slot >= 0) {
						covered[slot] += this.weights[i];
						counted[slot] = i;
					}
				}
				for (int doc : term.contextMembers()) {
					int slot = slots[doc];
					if (slot >= 0 && counted[slot] != i) {
						covered[slot] += this.weights[i] * CONTEXT_WEIGHT;
					}
				}
			}
			for (int slot = 0; slot < hits; slot++) {
				covered[slot] = (this.total == 0) ? 0 : covered[slot] / this.total;
			}
			return covered;
		}

	}

	/**
	 * One word or trigram: its idf over the entries ({@code NaN} if only the off-topic
	 * list has it), the phrasings that have it (ascending), those whose answers have it,
	 * and its BM25 postings (empty when no document has it in that field).
	 */
	private record Term(float idf, int[] members, int[] contextMembers, Bm25Index.Postings postings,
			Bm25Index.Postings contextPostings) {

		Term {
			postings = (postings != null) ? postings : Bm25Index.Postings.EMPTY;
			contextPostings = (contextPostings != null) ? contextPostings : Bm25Index.Postings.EMPTY;
		}

	}

	/** A growable list of ints, for building. */
	private static final class IntList {

		private int[] values = new int[4];

		private int size;

		void add(int value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		static int[] toArray(IntList list) {
			return (list == null) ? new int[0] : Arrays.copyOf(list.values, list.size);
		}

	}

	private record Phrasing(String id, String text, Set<String> words, Set<String> grams, Set<String> contextWords,
			Set<String> contextGrams, List<String> wordText, List<String> gramText) {
	}

}
