package dev.rapport.contacts;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * For tests: the events this service has written to its outbox about a subject (a contact's id),
 * oldest first, read straight from the table, so that a test sees what will be published
 * whether or not the relay has sent it yet.
 */
@ApplicationScoped
public class OutboxRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;

    OutboxRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The types of the subject's events, such as {@code rapport.contact.created.v1}. */
    public List<String> types(UUID subject) throws SQLException {
        return column("type", subject, null);
    }

    public List<JsonNode> payloads(UUID subject) throws SQLException, IOException {
        return parsed(column("payload", subject, null));
    }

    /** The payloads of the subject's events of one type. */
    public List<JsonNode> payloads(UUID subject, String type) throws SQLException, IOException {
        return parsed(column("payload", subject, type));
    }

    private List<String> column(String column, UUID subject, String type) throws SQLException {
        String sql = "select " + column + " from outbox_event where subject = ?" + (type == null ? "" : " and type = ?")
                + " order by position";
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, subject.toString());
            if (type != null) {
                query.setString(2, type);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static List<JsonNode> parsed(List<String> payloads) throws IOException {
        List<JsonNode> parsed = new ArrayList<>(payloads.size());
        for (String payload : payloads) {
            parsed.add(JSON.readTree(payload));
        }
        return parsed;
    }
}
