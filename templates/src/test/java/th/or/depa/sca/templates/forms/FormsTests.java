package th.or.depa.sca.templates.forms;

import java.io.StringReader;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FormsTests {

	private final Forms forms = Forms.load();

	@Test
	void shouldShipAYouthAndACityFormWithoutEligibilityRulesTheProgramNeverAnnounced() {
		FormSpec youth = this.forms.form("youth").orElseThrow();
		FormSpec city = this.forms.form("city").orElseThrow();

		assertThat(youth.fields()).extracting(FieldSpec::name)
			.containsExactly("fullName", "nickname", "birthDate", "nationalId", "mobile", "email", "province",
					"occupation", "institution", "targetCity", "motivation");
		assertThat(city.fields()).extracting(FieldSpec::name)
			.containsExactly("cityName", "province", "officerName", "officerPosition", "phone", "email", "plans");
		assertThat(youth.eligibility()).isEmpty();
		assertThat(city.eligibility()).isEmpty();
		assertThat(youth.uniqueField()).isEqualTo("nationalId");
		assertThat(youth.field("nationalId").orElseThrow().masked()).isTrue();
	}

	@Test
	void shouldAskAConditionalFieldOnlyWhenItsConditionHolds() {
		FormSpec youth = this.forms.form("youth").orElseThrow();
		Map<String, String> working = Map.of("fullName", "a", "nickname", "b", "birthDate", "2002-03-05", "nationalId",
				"1", "mobile", "2", "email", "3", "province", "p", "occupation", "working");

		assertThat(youth.next(working).orElseThrow().name()).isEqualTo("targetCity");
		assertThat(youth.expected(Map.of())).hasSize(11);
		assertThat(youth.expected(working)).hasSize(10);
		assertThat(youth.before("targetCity", working).orElseThrow().name()).isEqualTo("occupation");
		Map<String, String> studying = new java.util.HashMap<>(working);
		studying.put("occupation", "student");
		assertThat(youth.next(studying).orElseThrow().name()).isEqualTo("institution");
	}

	@Test
	void shouldNameTheFormAndFieldOfABadEdit() {
		assertThatIllegalStateException().isThrownBy(() -> Forms.load(new StringReader("""
				forms:
				  youth:
				    provinceField: p
				    uniqueField: p
				    fields:
				      - {name: p, parser: postcode}
				"""))).withMessageContaining("Form 'youth', field 'p'").withMessageContaining("unknown parser");
		assertThatIllegalStateException().isThrownBy(() -> Forms.load(new StringReader("""
				forms:
				  youth:
				    provinceField: p
				    uniqueField: p
				    fields:
				      - {name: p, parser: province, when: {field: later, is: x}}
				      - {name: later, parser: text}
				"""))).withMessageContaining("'when' names 'later'");
		assertThatIllegalStateException().isThrownBy(() -> Forms.load(new StringReader("""
				forms:
				  city:
				    provinceField: nowhere
				    uniqueField: p
				    fields:
				      - {name: p, parser: province}
				"""))).withMessageContaining("names field 'nowhere'");
	}

}
