package dev.conversa.channel.email;

import dev.conversa.kernel.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An email inbox's quarantine (list, raw bytes, retry, dismiss) and its automatic mail, for admins. */
@RestController
@RequestMapping("/api/v1/inboxes/{inboxId}/email")
@Tag(name = "Inboxes")
class MailboxApi {
    private final MailboxReview review;

    MailboxApi(MailboxReview review) {
        this.review = review;
    }

    @GetMapping("/quarantine")
    @Operation(summary = "Mail that could not be read or ingested (default status OPEN), newest first, with the reason")
    List<MailQuarantine.Entry> quarantine(@PathVariable long inboxId,
                                          @RequestParam(required = false) MailQuarantine.Status status, Actor actor) {
        return review.quarantine(inboxId, status, actor);
    }

    // no "produces": a missing entry must still answer its 404 problem+json, which message/rfc822 would refuse (406)
    @GetMapping("/quarantine/{entryId}/raw")
    @Operation(summary = "The quarantined message exactly as the mailbox had it")
    ResponseEntity<byte[]> raw(@PathVariable long inboxId, @PathVariable long entryId, Actor actor) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822"))
                .body(review.raw(inboxId, entryId, actor));
    }

    @PostMapping("/quarantine/{entryId}/retry")
    @Operation(summary = "Read and ingest the message again: INGESTED when it goes through, else still OPEN with the new reason")
    MailboxReview.Retried retry(@PathVariable long inboxId, @PathVariable long entryId, Actor actor) {
        return review.retry(inboxId, entryId, actor);
    }

    @DeleteMapping("/quarantine/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Dismiss a quarantined message (kept, closed as DISMISSED)")
    void dismiss(@PathVariable long inboxId, @PathVariable long entryId, Actor actor) {
        review.dismiss(inboxId, entryId, actor);
    }

    @GetMapping("/automatic-mail")
    @Operation(summary = "Automatic mail received (bounces, delays, auto-replies, out-of-office, ARF reports, read receipts, bulk), newest first")
    List<AutomaticMailLog.Entry> automaticMail(@PathVariable long inboxId, @RequestParam(required = false) MailKind kind,
                                               Actor actor) {
        return review.automaticMail(inboxId, kind, actor);
    }
}
