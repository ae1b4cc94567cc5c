package th.or.depa.sca.bot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module and package boundaries of ../shared/ARCHITECTURE.md, checked on the compiled
 * classes of every module on the bot's class path.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("th.or.depa.sca");

	/** The bot's feature packages: each flow and the features around them. */
	private static final String[] FEATURES = { "..bot.registration..", "..bot.privacy..", "..bot.handoff..",
			"..bot.faq..", "..bot.weekly..", "..bot.checkin..", "..bot.rounds.." };

	@Test
	void shouldHaveNoCycleBetweenTheBotsPackages() {
		slices().matching("th.or.depa.sca.bot.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void shouldHaveNoCycleBetweenTheLibraries() {
		slices().matching("th.or.depa.sca.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void shouldKeepTheEngineFreeOfFeatures() {
		noClasses().that()
			.resideInAnyPackage("..bot.conversation..", "..bot.session..", "..bot.inbox..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(FEATURES)
			.because("the engine sees features only through the interfaces it declares (Flow, Handoff, IdleHandler)")
			.check(CLASSES);
	}

	@Test
	void shouldLetNoFlowReachIntoAnotherFlow() {
		for (String flow : new String[] { "..bot.registration..", "..bot.weekly..", "..bot.checkin..",
				"..bot.faq.." }) {
			noClasses().that()
				.resideInAPackage(flow)
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(java.util.Arrays.stream(FEATURES)
					.filter((other) -> !other.equals(flow) && !other.equals("..bot.privacy..")
							&& !other.equals("..bot.rounds.."))
					.toArray(String[]::new))
				.because("flows talk through the engine and the shared records, never each other's classes")
				.allowEmptyShould(true)
				.check(CLASSES);
		}
	}

	@Test
	void shouldKeepTheLibrariesFreeOfSpringAndOfTheApps() {
		noClasses().that()
			.resideInAnyPackage("th.or.depa.sca.nlp..", "th.or.depa.sca.templates..", "th.or.depa.sca.domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "th.or.depa.sca.bot..", "th.or.depa.sca.store..")
			.check(CLASSES);
	}

	@Test
	void shouldKeepTheStoreFreeOfTheWebhookApp() {
		noClasses().that()
			.resideInAPackage("th.or.depa.sca.store..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("th.or.depa.sca.bot..", "org.springframework.boot..")
			.allowEmptyShould(true)
			.check(CLASSES);
	}

}
