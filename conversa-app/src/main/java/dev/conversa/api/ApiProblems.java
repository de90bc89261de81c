package dev.conversa.api;

import dev.conversa.kernel.ConflictException;
import dev.conversa.kernel.ForbiddenException;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Turns every failure of a REST controller (the API, webhooks, widget endpoints) into an RFC 9457 problem that names what was wrong: the field, the position
 * of a JSON syntax error, the expected type.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {
    static final URI VALIDATION = URI.create("https://conversa.dev/problems/validation");

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.");
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return fieldProblem(HttpStatus.BAD_REQUEST, e.field(), e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = fieldProblem(HttpStatus.CONFLICT, e.field(), e.getMessage());
        p.setTitle("Conflict");
        return p;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", "The change clashes with existing data; nothing was written.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : describe(e.getRequiredType());
        return fieldProblem(HttpStatus.BAD_REQUEST, e.getName(), "'" + e.getValue() + "' is not a valid " + expected);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Some fields are invalid.");
        p.setType(VALIDATION);
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        p.setProperty("errors", errors);
        if (!errors.isEmpty()) {
            p.setDetail(errors.get(0).get("field") + ": " + errors.get(0).get("message"));
        }
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimit.TooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
                        "Payload Too Large", "The request body exceeds the configured limit."));
            }
        }
        ProblemDetail p;
        if (cause instanceof StreamReadException syntax) {
            var at = syntax.getLocation();
            p = problem(HttpStatus.BAD_REQUEST, "Malformed JSON", "The body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": " + syntax.getOriginalMessage());
        } else if (cause instanceof JacksonException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping.getPath());
            p = fieldProblem(HttpStatus.BAD_REQUEST, field, "'" + field + "' has the wrong type or value: "
                    + firstLine(mapping.getOriginalMessage()));
        } else {
            p = problem(HttpStatus.BAD_REQUEST, "Unreadable body", "The request body is missing or cannot be read.");
        }
        return ResponseEntity.badRequest().body(p);
    }

    private static String path(List<JacksonException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : refs) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return type.getSimpleName() + " (one of " + java.util.Arrays.toString(type.getEnumConstants()) + ")";
        }
        return type.getSimpleName();
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }

    static ProblemDetail fieldProblem(HttpStatus status, String field, String message) {
        ProblemDetail p = problem(status, "Invalid request", message);
        p.setType(VALIDATION);
        if (field != null) {
            p.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        }
        return p;
    }
}
