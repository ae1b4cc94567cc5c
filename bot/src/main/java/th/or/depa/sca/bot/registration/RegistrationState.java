package th.or.depa.sca.bot.registration;

import java.time.Instant;

import th.or.depa.sca.bot.session.FlowState;

/**
 * A registration in progress, as kept in the chat's session. The answers are sealed
 * (encrypted and bound to the chat), so the session in Redis holds no personal data in
 * clear.
 *
 * @param stage where the conversation is
 * @param form the form's id ({@code youth}, {@code city}); null before the type is chosen
 * @param roundId the round applied to
 * @param sealedAnswers the answers so far, sealed; empty when none
 * @param field the field being asked, or the field being edited
 * @param failures answers refused in a row for the current field
 * @param pending a value waiting for confirmation (a guessed province, an application
 * number to withdraw)
 * @param editing whether the current field was chosen from the summary (go back to it
 * after)
 * @param consentVersion the privacy notice version agreed to; null before consent
 * @param consentAt when consent was given
 * @param startedAt when the registration started
 * @param touchedAt when the user last answered
 * @param resumeTo the stage to go back to from a confirmation (cancel, resume)
 */
record RegistrationState(Stage stage, String form, String roundId, String sealedAnswers, String field, int failures,
		String pending, boolean editing, String consentVersion, Instant consentAt, Instant startedAt, Instant touchedAt,
		Stage resumeTo) implements FlowState {

	RegistrationState {
		sealedAnswers = (sealedAnswers != null) ? sealedAnswers : "";
	}

	/** Where a registration conversation is. */
	enum Stage {

		/** Young person or city? */
		CHOOSE_TYPE,

		/** The privacy notice, waiting for agreement. */
		CONSENT,

		/** A field's question, waiting for its answer. */
		ASKING,

		/** A guessed province, waiting for yes or no. */
		CONFIRM_PROVINCE,

		/** The summary card, waiting for submit or edit. */
		SUMMARY,

		/** "Cancel the application?" */
		CONFIRM_CANCEL,

		/** A returning user: continue or start over? */
		CONFIRM_RESUME,

		/** "Withdraw application N?" */
		CONFIRM_WITHDRAW

	}

	RegistrationState at(Stage next) {
		return new RegistrationState(next, this.form, this.roundId, this.sealedAnswers, this.field, this.failures,
				this.pending, this.editing, this.consentVersion, this.consentAt, this.startedAt, this.touchedAt,
				this.resumeTo);
	}

	RegistrationState asking(String nextField, boolean nowEditing) {
		return new RegistrationState(Stage.ASKING, this.form, this.roundId, this.sealedAnswers, nextField, 0, null,
				nowEditing, this.consentVersion, this.consentAt, this.startedAt, this.touchedAt, null);
	}

	RegistrationState withAnswers(String sealed) {
		return new RegistrationState(this.stage, this.form, this.roundId, sealed, this.field, this.failures,
				this.pending, this.editing, this.consentVersion, this.consentAt, this.startedAt, this.touchedAt,
				this.resumeTo);
	}

	RegistrationState failed() {
		return new RegistrationState(this.stage, this.form, this.roundId, this.sealedAnswers, this.field,
				this.failures + 1, this.pending, this.editing, this.consentVersion, this.consentAt, this.startedAt,
				this.touchedAt, this.resumeTo);
	}

	RegistrationState pending(Stage next, String value) {
		return new RegistrationState(next, this.form, this.roundId, this.sealedAnswers, this.field, this.failures,
				value, this.editing, this.consentVersion, this.consentAt, this.startedAt, this.touchedAt,
				this.resumeTo);
	}

	RegistrationState confirming(Stage confirmation) {
		return new RegistrationState(confirmation, this.form, this.roundId, this.sealedAnswers, this.field,
				this.failures, this.pending, this.editing, this.consentVersion, this.consentAt, this.startedAt,
				this.touchedAt, this.stage);
	}

	RegistrationState touched(Instant now) {
		return new RegistrationState(this.stage, this.form, this.roundId, this.sealedAnswers, this.field, this.failures,
				this.pending, this.editing, this.consentVersion, this.consentAt, this.startedAt, now, this.resumeTo);
	}

}
