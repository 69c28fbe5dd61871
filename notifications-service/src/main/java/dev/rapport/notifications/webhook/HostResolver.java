package dev.rapport.notifications.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;

/** Looks up a host name's addresses; the one place webhooks resolve names, so that what was checked is what is used. */
@ApplicationScoped
public class HostResolver {

    public InetAddress[] addressesOf(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
