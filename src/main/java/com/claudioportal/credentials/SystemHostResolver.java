package com.claudioportal.credentials;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/** The JDK's resolver (the operating system's, with the JVM's DNS cache). */
@ApplicationScoped
@DefaultBean
public class SystemHostResolver implements HostResolver {

    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
