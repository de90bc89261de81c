package dev.conversa.lease;

import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * This node's part in the cluster, on {@code /actuator/info} under {@code leases} and in the {@code leases} health
 * component's details: who it is and which singleton work it runs now (lease name, fencing token, expiry).
 */
@Component("leasesHealthIndicator")
class LeaseReport implements InfoContributor, HealthIndicator {
    private final Leases leases;

    LeaseReport(Leases leases) {
        this.leases = leases;
    }

    Map<String, Object> report() {
        List<Map<String, Object>> held = leases.held().stream()
                .map(l -> Map.<String, Object>of("name", l.name(), "token", l.token(), "expiresAt", l.expiresAt().toString()))
                .toList();
        return Map.of("holder", leases.holder(), "held", held);
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("leases", report());
    }

    @Override
    public Health health() {
        return Health.up().withDetails(report()).build();
    }
}
