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
 */
public record ConversationFigures(String group, int opened, int answered, int awaitingResponse, int resolved,
                                  int reopened, Double reopenRate, Durations firstResponse, Durations resolution,
                                  Durations firstResponseBusiness, Durations resolutionBusiness) {
}
