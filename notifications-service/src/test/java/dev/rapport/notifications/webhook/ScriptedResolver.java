package dev.rapport.notifications.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** Answers the host names a test scripts (names no DNS knows), and asks the real resolver for the rest. */
@Alternative
@Priority(1)
@ApplicationScoped
public class ScriptedResolver extends HostResolver {

    private final Map<String, InetAddress[]> script = new ConcurrentHashMap<>();

    /** From now on, {@code host} resolves to these literal addresses. */
    public void answer(String host, String... addresses) throws UnknownHostException {
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByAddress(host, InetAddress.getByName(addresses[i]).getAddress());
        }
        script.put(host, resolved);
    }

    @Override
    public InetAddress[] addressesOf(String host) throws UnknownHostException {
        InetAddress[] scripted = script.get(host);
        return scripted != null ? scripted.clone() : super.addressesOf(host);
    }
}
