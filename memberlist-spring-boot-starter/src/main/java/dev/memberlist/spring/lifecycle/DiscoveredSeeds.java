package dev.memberlist.spring.lifecycle;

import java.util.List;

/**
 * Seeds that discovery supplies, joined together with {@code memberlist.join.seeds}: for instance the
 * seed that Kubernetes discovery resolves by asking the API for the pods. Declare one as a bean.
 */
@FunctionalInterface
public interface DiscoveredSeeds {

    /** @return the seeds, as an {@code AddressResolver} of the node reads them */
    List<String> seeds();
}
