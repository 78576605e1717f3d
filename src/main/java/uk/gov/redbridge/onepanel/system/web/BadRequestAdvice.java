package uk.gov.redbridge.onepanel.system.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import uk.gov.redbridge.onepanel.shared.web.BadQuery;

/**
 * A request whose query the service cannot use is the sender's mistake, not the service's: 400, never 500. A page
 * gets the service's 400 page with the GOV.UK error summary (what to change, in words); the JSON API gets a problem
 * ({@code application/problem+json}, RFC 9457). Neither repeats what was sent, and nothing of it is logged: a query
 * can carry anything (a NUL, a script, a name).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BadRequestAdvice {

    /** One line of the error summary: the parameter (for the link) and what is wanted. */
    record Problem(String parameter, String message) {
    }

    @ExceptionHandler(BadQuery.class)
    Object badQuery(BadQuery e, HttpServletRequest request) {
        return answer(request, e.parameter(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return answer(request, e.getName(), "The value of '" + e.getName() + "' is not one the service can use");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return answer(request, e.getParameterName(), "The address needs a value for '" + e.getParameterName() + "'");
    }

    /** A query bound to a form object whose handler takes no BindingResult (a value of the wrong type). */
    @ExceptionHandler(BindException.class)
    Object binding(BindException e, HttpServletRequest request) {
        String field = e.getFieldErrors().isEmpty() ? "query" : e.getFieldErrors().get(0).getField();
        return answer(request, field, "The value of '" + field + "' is not one the service can use");
    }

    private static Object answer(HttpServletRequest request, String parameter, String message) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
            problem.setTitle("Bad request");
            problem.setProperty("parameter", parameter);
            problem.setInstance(URI.create(path));
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error/400");
        page.setStatus(HttpStatus.BAD_REQUEST);
        page.addObject("problems", List.of(new Problem(parameter, message)));
        page.addObject("back", path);
        return page;
    }
}
