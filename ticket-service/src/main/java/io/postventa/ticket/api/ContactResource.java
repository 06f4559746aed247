package io.postventa.ticket.api;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.postventa.events.contacts.ContactChannel;
import io.postventa.ticket.domain.ContactReasonClassifier;
import io.postventa.ticket.service.ContactIntake;
import io.postventa.ticket.service.ContactIntake.ContactCommand;
import io.postventa.ticket.service.ContactIntake.ContactResult;
import io.postventa.messaging.retry.TransactionRetry;
import io.postventa.web.Caller;
import io.postventa.web.Problem;
import io.postventa.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Contacts from every channel: the door through which customers, agents (phone notes) and platforms bring them in. */
@Path("/api/v1/contacts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    /** A contact. At least one of customerId, email or phone is needed to identify and answer the customer. */
    public record ContactRequest(
            @NotNull ContactChannel channel,
            @Size(max = 100) String customerId,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "[+0-9 ().-]{6,25}", message = "must be a phone number such as +34600111222") String phone,
            @Size(max = 100) String orderId,
            @Size(max = 300) String subject,
            @NotBlank @Size(max = 10000) String message,
            @Size(max = 10) String ivrOption) {
    }

    private final ContactIntake contacts;
    private final Caller caller;
    private final ContactReasonClassifier classifier;

    public ContactResource(ContactIntake contacts, Caller caller, ContactReasonClassifier classifier) {
        this.contacts = contacts;
        this.caller = caller;
        this.classifier = classifier;
    }

    @POST
    @RolesAllowed({Caller.CUSTOMER, Caller.AGENT, Caller.PLATFORM})
    @Operation(summary = "A customer's contact (e-mail, chat, phone …): joins or opens a ticket; 201")
    @APIResponse(responseCode = "201", description = "Created, or the same answer again for a retry with the same Idempotency-Key")
    @APIResponse(responseCode = "400", description = "Invalid input: problem+json naming each bad field")
    @APIResponse(responseCode = "404", description = "The order named is not the calling customer's")
    public Response receive(@Valid @NotNull ContactRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        boolean asCustomer = caller.isOnlyCustomer() && !caller.hasRole(Caller.PLATFORM);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!asCustomer && blank(request.customerId()) && blank(request.email()) && blank(request.phone())) {
            String message = "give customerId, email or phone: there is no other way to identify or answer the customer";
            errors.add(new Problem.FieldError("customerId", message));
            errors.add(new Problem.FieldError("email", message));
            errors.add(new Problem.FieldError("phone", message));
        }
        if (request.ivrOption() != null && request.channel() != ContactChannel.PHONE) {
            errors.add(new Problem.FieldError("ivrOption", "only phone contacts have an IVR option"));
        } else if (request.ivrOption() != null && !classifier.isIvrOption(request.ivrOption())) {
            // an option the caller could not have pressed: nothing is created or reopened from it
            errors.add(new Problem.FieldError("ivrOption", "must be an option of the IVR menu (GET /api/v1/ivr-menu)"));
        }
        if (asCustomer && request.customerId() != null && !request.customerId().equals(caller.subject())) {
            errors.add(new Problem.FieldError("customerId", "a customer can only write as themselves"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        ContactCommand command = new ContactCommand(request.channel(), trim(request.customerId()),
                trim(request.email()), trim(request.phone()), trim(request.orderId()), request.subject(),
                request.message(), trim(request.ivrOption()), asCustomer ? caller.subject() : null,
                caller.subject(), idempotencyKey == null ? null : caller.subject() + ":" + idempotencyKey);
        // a consumer may update the same ticket at the same moment (a status change, a return): run the contact
        // again on the fresh ticket instead of answering 500; after the last attempt the answer is 409
        ContactResult result = TransactionRetry.onConflict("contact intake", () -> contacts.receive(command));
        return Response.status(Response.Status.CREATED).entity(result).build();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }
}
