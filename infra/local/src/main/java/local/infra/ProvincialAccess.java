package local.infra;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Gives the provincial principal what it may do on the local broker and nothing else: its
 * SCRAM-SHA-512 credential, READ and DESCRIBE on each published topic, READ on the consumer
 * groups whose id starts with its prefix. The principal's other ACLs are deleted, so a topic
 * that stops being published is closed on the next run. Idempotent; it talks to the internal
 * listener, whose principal (User:ANONYMOUS) is a super user.
 *
 * <pre>
 * PROVINCIAL_PASSWORD=... java -cp 'lib/*:classes' local.infra.ProvincialAccess \
 *     127.0.0.1:9092 provincial province- jiceng.credit.firm-bonus.v1 ...
 * </pre>
 *
 * The password comes from the environment, not the command line, which every local user can
 * read in /proc.
 */
public final class ProvincialAccess {
    // The broker refuses fewer than 4096 iterations for SCRAM-SHA-512.
    private static final int ITERATIONS = 8192;

    private ProvincialAccess() {}

    public static void main(String[] args) throws Exception {
        String password = System.getenv("PROVINCIAL_PASSWORD");
        if (args.length < 3 || password == null || password.isEmpty()) {
            System.err.println("usage: PROVINCIAL_PASSWORD=... ProvincialAccess <bootstrap> <user>"
                    + " <group prefix> <topic>...");
            System.exit(2);
        }
        String bootstrap = args[0];
        String user = args[1];
        String groupPrefix = args[2];
        List<String> topics = List.of(args).subList(3, args.length);

        String principal = "User:" + user;
        Set<AclBinding> wanted = new HashSet<>();
        for (String topic : topics) {
            ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
            wanted.add(allow(pattern, principal, AclOperation.READ));
            wanted.add(allow(pattern, principal, AclOperation.DESCRIBE));
        }
        wanted.add(allow(new ResourcePattern(ResourceType.GROUP, groupPrefix, PatternType.PREFIXED),
                principal, AclOperation.READ));

        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "infra-provincial-access");
        try (Admin admin = Admin.create(props)) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), password)))
                    .all().get();

            AclBindingFilter ofPrincipal = new AclBindingFilter(ResourcePatternFilter.ANY,
                    new AccessControlEntryFilter(principal, null, AclOperation.ANY, AclPermissionType.ANY));
            Collection<AclBinding> existing = admin.describeAcls(ofPrincipal).values().get();
            List<AclBindingFilter> stale = existing.stream()
                    .filter(binding -> !wanted.contains(binding))
                    .map(AclBinding::toFilter)
                    .toList();
            if (!stale.isEmpty()) admin.deleteAcls(stale).all().get();
            List<AclBinding> missing = wanted.stream().filter(binding -> !existing.contains(binding)).toList();
            if (!missing.isEmpty()) admin.createAcls(missing).all().get();

            System.out.printf("%s: SCRAM-SHA-512 credential set; READ on %d topics and on groups %s*;"
                    + " %d ACLs added, %d removed%n", principal, topics.size(), groupPrefix,
                    missing.size(), stale.size());
        }
    }

    private static AclBinding allow(ResourcePattern pattern, String principal, AclOperation operation) {
        return new AclBinding(pattern, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
