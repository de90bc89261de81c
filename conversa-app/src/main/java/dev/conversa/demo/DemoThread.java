package dev.conversa.demo;

import java.time.Instant;
import java.util.List;

/** A customer-support thread to load: who the brand is, who the customer is, and what each said when. */
record DemoThread(String brand, String customerHandle, String customerName, String channel, List<Post> posts) {

    record Post(String externalId, boolean fromCustomer, String text, Instant at) {
    }
}
