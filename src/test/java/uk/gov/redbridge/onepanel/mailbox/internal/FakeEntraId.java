package uk.gov.redbridge.onepanel.mailbox.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;

/**
 * Stands in for the network under MSAL4J (the machine has no route to Entra ID): MSAL itself runs, builds the
 * client credentials request and reads the answer; this answers instance discovery and the token endpoint as
 * login.microsoftonline.com does, handing out the queued tokens in turn, or refusing as Entra ID does for a wrong
 * secret.
 */
final class FakeEntraId implements IHttpClient {

    private final Deque<String> tokens = new ArrayDeque<>();
    private final List<HttpRequest> tokenRequests = new CopyOnWriteArrayList<>();
    private volatile boolean refuse;
    private volatile boolean unreachable;

    FakeEntraId handingOut(String... accessTokens) {
        tokens.addAll(List.of(accessTokens));
        return this;
    }

    /** Forgets what was asked and queues these tokens instead. */
    synchronized FakeEntraId reset(String... accessTokens) {
        tokens.clear();
        tokenRequests.clear();
        refuse = false;
        unreachable = false;
        return handingOut(accessTokens);
    }

    FakeEntraId refusing() {
        refuse = true;
        return this;
    }

    FakeEntraId unreachable() {
        unreachable = true;
        return this;
    }

    List<HttpRequest> tokenRequests() {
        return tokenRequests;
    }

    @Override
    public synchronized IHttpResponse send(HttpRequest request) throws Exception {
        if (unreachable) {
            throw new java.net.ConnectException("Connection refused");
        }
        String url = request.url().toString();
        if (url.contains("/discovery/instance")) {
            return json(200, """
                    {"tenant_discovery_endpoint":"https://login.microsoftonline.com/contoso-tenant/v2.0/.well-known/openid-configuration",
                     "api-version":"1.1",
                     "metadata":[{"preferred_network":"login.microsoftonline.com","preferred_cache":"login.windows.net",
                                  "aliases":["login.microsoftonline.com","login.windows.net","login.microsoft.com","sts.windows.net"]}]}""");
        }
        if (url.endsWith("/oauth2/v2.0/token")) {
            tokenRequests.add(request);
            if (refuse) {
                return json(401, """
                        {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.",
                         "error_codes":[7000215],"trace_id":"00000000-0000-0000-0000-000000000000",
                         "correlation_id":"00000000-0000-0000-0000-000000000000"}""");
            }
            String token = tokens.size() > 1 ? tokens.poll() : tokens.peek();
            return json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                    + "\"access_token\":\"" + token + "\"}");
        }
        return json(404, "{\"error\":\"not_found\"}");
    }

    private static IHttpResponse json(int status, String body) {
        HttpResponse response = new HttpResponse().statusCode(status).body(body);
        response.addHeaders(Map.of("Content-Type", List.of("application/json; charset=utf-8")));
        return response;
    }
}
