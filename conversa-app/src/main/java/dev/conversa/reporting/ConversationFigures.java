package dev.conversa.reporting;

/**
 * The conversation figures of one group (all, a channel or an inbox) over a range of opening times.
 *
 * @param opened             conversations opened in the range
 * @param answered           of those, with an agent's reply after the customer's first message
 * @param awaitingResponse   with a customer message and no agent reply yet
 * @param resolved           resolved at least once
 * @param reopened           resolved, reopened and resolved again
 * @param reopenRate         reopened / resolved (null with nothing resolved)
 * @param firstResponse      customer's first message → first agent reply (automatic replies do not count)
 * @param resolution         customer's first message (or the opening, if earlier) → first resolution
 * @param firstResponseBusiness the same in the business hours of the calendar asked for (null without one)
 * @param resolutionBusiness    the same in the business hours of the calendar asked for (null without one)
 * @param nextResponse       each later wait of the customer (after the first response) → the agent reply ending it
 * @param nextResponseBusiness the same in the calendar's business hours (null without one)
 * @param fcrDecided         resolved conversations whose first-contact outcome is known (docs/analytics.md)
 * @param firstContactResolved of those, resolved with one agent reply and the customer not back within the window
 * @param fcrPending         resolved with one agent reply, customer not back yet, window still open
 * @param fcrRate            firstContactResolved / fcrDecided, 4 decimals (null with nothing decided)
 */
public record ConversationFigures(String group, int opened, int answered, int awaitingResponse, int resolved,
                                  int reopened, Double reopenRate, Durations firstResponse, Durations resolution,
                                  Durations firstResponseBusiness, Durations resolutionBusiness,
                                  Durations nextResponse, Durations nextResponseBusiness, int fcrDecided,
                                  int firstContactResolved, int fcrPending, Double fcrRate) {
}
