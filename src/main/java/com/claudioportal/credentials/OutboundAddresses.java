package com.claudioportal.credentials;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.claudioportal.claudio.AddressCheck;

/**
 * The portal's outbound policy as the Claudio client sees it: every call (upload, submit, poll,
 * details for "link", the poll that refreshes a transcript link, the connection test) connects
 * only to an address {@link BaseUrlPolicy} has just resolved and checked.
 */
@ApplicationScoped
public class OutboundAddresses implements AddressCheck {

    @Inject
    BaseUrlPolicy policy;

    @Override
    public InetSocketAddress addressFor(URI url) throws ConnectException {
        return policy.addressFor(url);
    }
}
