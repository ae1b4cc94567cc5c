package th.or.depa.sca.nlp.parse;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import th.or.depa.sca.nlp.parse.Parsed.Reason;

import static org.assertj.core.api.Assertions.assertThat;

class ProvinceParserTests {

	private final ProvinceParser parser = new ProvinceParser();

	@Test
	void shouldListExactly77DistinctProvinces() {
		List<Province> all = this.parser.all();
		assertThat(all).hasSize(77);
		assertThat(all).extracting(Province::code)
			.doesNotHaveDuplicates()
			.allMatch(code -> code.matches("TH-[1-9][0-9]"));
		assertThat(all).extracting(Province::thaiName).doesNotHaveDuplicates();
		assertThat(all).extracting(Province::englishName).doesNotHaveDuplicates();
	}

	@Test
	void shouldSpellTheOftenMisspelledProvincesCorrectly() {
		assertThat(this.parser.all()).extracting(Province::thaiName)
			.contains("บึงกาฬ", "กาฬสินธุ์", "ศรีสะเกษ", "หนองบัวลำภู", "อำนาจเจริญ", "สุราษฎร์ธานี", "ประจวบคีรีขันธ์",
					"อุตรดิตถ์", "เพชรบูรณ์", "พระนครศรีอยุธยา");
	}

	@Test
	void shouldStoreSaraAmAsOneCharacterSoNamesDisplayAsTyped() {
		// NFKC splits "ำ" into nikhahit + sara aa; the data must hold the composed
		// form.
		assertThat(this.parser.all()).extracting(Province::thaiName).noneMatch(name -> name.contains("\u0E4D"));
	}

	@Test
	void shouldFindEveryProvinceExactlyByItsThaiAndEnglishName() {
		for (Province province : this.parser.all()) {
			ProvinceMatch expected = new ProvinceMatch(province, true);
			assertThat(this.parser.parse(province.thaiName())).isEqualTo(new Parsed.Valid<>(expected));
			assertThat(this.parser.parse(province.englishName())).isEqualTo(new Parsed.Valid<>(expected));
		}
	}

	@ParameterizedTest
	@CsvSource({ "กทม, TH-10", "กทม., TH-10", "กรุงเทพ, TH-10", "กรุงเทพฯ, TH-10", "กรุงเทพมหานคร, TH-10", "bkk, TH-10",
			"Bangkok, TH-10", "BANGKOK, TH-10", "โคราช, TH-30", "Korat, TH-30", "อยุธยา, TH-14", "Ayutthaya, TH-14",
			"เชียงใหม่, TH-50", "chiang mai, TH-50", "Chiangmai, TH-50", "CNX, TH-50", "ภูเก็ต, TH-83", "phuket, TH-83",
			"สุราษฎร์, TH-84", "สุราษ, TH-84", "ขอนแก่น, TH-40", "khon kaen, TH-40", "Chon Buri, TH-20",
			"chonburi, TH-20", "Si Sa Ket, TH-33", "นครศรีฯ, TH-80", "Phang-Nga, TH-82", "ร้อยเอ็ด, TH-45",
			"Roi-Et, TH-45" })
	void shouldRecogniseNamesAliasesAndSpellingVariants(String text, String code) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Valid<>(new ProvinceMatch(province(code), true)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "จังหวัดเชียงใหม่", "จังหวัด เชียงใหม่", "จ.เชียงใหม่", "จ. เชียงใหม่", "เชียงใหม่ครับ",
			"อยู่เชียงใหม่ค่ะ", "Chiang Mai Province", " เชียง ใหม่ " })
	void shouldIgnoreTheWordProvinceAndParticles(String text) {
		Parsed<ProvinceMatch> parsed = this.parser.parse(text);
		assertThat(parsed).isInstanceOf(Parsed.Valid.class);
		assertThat(((Parsed.Valid<ProvinceMatch>) parsed).value().province()).isEqualTo(province("TH-50"));
	}

	@Test
	void shouldNotMistakeAProvinceStartingWithJoForTheAbbreviation() {
		assertThat(this.parser.parse("จันทบุรี"))
			.isEqualTo(new Parsed.Valid<>(new ProvinceMatch(province("TH-22"), true)));
	}

	@ParameterizedTest
	@CsvSource({ "เชียงให่, TH-50", "chaing mai, TH-50", "chiang mia, TH-50", "ภูเก็ด, TH-83", "puket, TH-83",
			"ศรีษะเกษ, TH-33", "khon kean, TH-40", "นครราชสีมาา, TH-30", "สุราษฏร์ธานี, TH-84", "กาฬสินธ์, TH-46" })
	void shouldGuessThroughTyposAndAskForConfirmation(String text, String code) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Valid<>(new ProvinceMatch(province(code), false)));
	}

	@ParameterizedTest
	@CsvSource({ "หาดใหญ่, TH-90", "Hat Yai, TH-90", "พัทยา, TH-20", "หัวหิน, TH-77", "เกาะสมุย, TH-84",
			"หาดใหย่, TH-90" })
	void shouldOfferTheProvinceOfAWellKnownDistrictForConfirmation(String text, String code) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Valid<>(new ProvinceMatch(province(code), false)));
	}

	@Test
	void shouldCallATypoEquallyCloseToTwoProvincesAmbiguousAndSuggestBoth() {
		// One edit from นครปฐม (ฐ → น) and one from นครพนม (ป → พ).
		assertThat(this.parser.parse("นครปนม")).isEqualTo(new Parsed.Invalid<>(Reason.AMBIGUOUS));
		assertThat(this.parser.suggest("นครปนม", 5)).containsExactly(province("TH-48"), province("TH-73"));
	}

	@Test
	void shouldSuggestTheClosestFirstAndNoMoreThanAsked() {
		assertThat(this.parser.suggest("Tran", 5)).containsExactly(province("TH-23"), province("TH-92"));
		assertThat(this.parser.suggest("Tran", 1)).containsExactly(province("TH-23"));
		assertThat(this.parser.suggest("กทม", 5)).containsExactly(province("TH-10"));
		assertThat(this.parser.suggest("Tokyo", 5)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Tokyo", "ดาวอังคาร", "เวียงจันทน์", "bkx", "ไม่บอก", "12345" })
	void shouldRejectPlacesThatAreNotThaiProvinces(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.UNKNOWN_PROVINCE));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "จังหวัด", "ครับ" })
	void shouldRejectNothingAsEmpty(String text) {
		assertThat(this.parser.parse(text)).isEqualTo(new Parsed.Invalid<>(Reason.EMPTY));
	}

	private Province province(String code) {
		return this.parser.all().stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
	}

}
