package dev.conversa.channel.email;

/** What kind of automatic mail a message is; a person's mail has none. */
enum MailKind {
    /** RFC 3464 DSN with {@code Action: failed}, or a non-delivery report by its sender or subject. */
    BOUNCE,
    /** RFC 3464 DSN with {@code Action: delayed}: the MTA is still trying. */
    DELAY,
    /** RFC 3464 DSN reporting success ({@code delivered}, {@code relayed}, {@code expanded}). */
    DELIVERY_REPORT,
    /** An out-of-office / vacation reply (iCloud {@code X-Apple-Action: VACATION}, Exchange "Automatic reply:" ...). */
    OUT_OF_OFFICE,
    /** Any other machine reply: RFC 3834 {@code Auto-Submitted}, {@code X-Autoreply}, {@code Precedence: auto_reply} ... */
    AUTO_REPLY,
    /** RFC 5965 ARF abuse / feedback-loop report. */
    FEEDBACK_REPORT,
    /** RFC 8098 message disposition notification (read receipt). */
    READ_RECEIPT,
    /** Mailing-list and bulk mail ({@code List-Id}, {@code Precedence: bulk/list/junk}). */
    BULK
}
