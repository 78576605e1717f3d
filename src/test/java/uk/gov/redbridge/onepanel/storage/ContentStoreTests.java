package uk.gov.redbridge.onepanel.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class ContentStoreTests {

    @Autowired
    ContentStore store;

    @Test
    void keepsAndReturnsBytes() {
        byte[] bytes = "hello".getBytes();
        ContentId id = store.put(bytes);
        assertThat(store.get(id)).isEqualTo(bytes);
        assertThat(store.size(id)).isEqualTo(5);
    }
}
