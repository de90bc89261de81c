package dev.conversa.web;

import dev.conversa.kernel.ConflictException;
import dev.conversa.kernel.ForbiddenException;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.util.HtmlUtils;

/** Console errors as a short escaped message; console.js shows it in the page's alert region. */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
class ConsoleErrors {

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return message(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<String> forbidden(ForbiddenException e) {
        return message(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<String> invalid(InvalidInputException e) {
        return message(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<String> conflict(ConflictException e) {
        return message(HttpStatus.CONFLICT, e.getMessage());
    }

    private static ResponseEntity<String> message(HttpStatus status, String text) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .body("<p class=\"error\" role=\"alert\">" + HtmlUtils.htmlEscape(text == null ? status.getReasonPhrase() : text) + "</p>");
    }
}
