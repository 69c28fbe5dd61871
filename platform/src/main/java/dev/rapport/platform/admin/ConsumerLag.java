package dev.rapport.platform.admin;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far one of the service's consumers is behind its topic. */
@Schema(name = "ConsumerLag", description = "How far one of this service's consumers is behind its topic")
public record ConsumerLag(
        @Schema(description = "The consumer's channel", examples = "contacts") String channel,
        @Schema(description = "The topic it reads", examples = "rapport.contacts.v1") String topic,
        @Schema(description = "Its consumer group", examples = "notifications-service") String groupId,
        @Schema(description = "Records in the topic it has not committed yet, over all partitions", examples = "0") long lag,
        @Schema(description = "Each partition's committed and end offsets") List<PartitionLag> partitions) {

    @Schema(name = "PartitionLag", description = "One partition: the group's committed offset (absent before its first commit), the end offset and the difference")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartitionLag(int partition, Long committedOffset, long endOffset, long lag) {
    }
}
