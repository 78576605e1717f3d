package uk.gov.redbridge.onepanel.requests.internal;

import uk.gov.redbridge.onepanel.shared.web.UploadedFiles;
import uk.gov.redbridge.onepanel.storage.ContentStore;

/** A file a person uploaded, with the name and type it will be kept and served under ({@link UploadedFiles}). */
record HandAddedDocument(String fileName, String contentType, byte[] content, String sha256) {

    static HandAddedDocument of(String fileName, String contentType, byte[] content) {
        byte[] bytes = content == null ? new byte[0] : content;
        return new HandAddedDocument(UploadedFiles.baseName(fileName), UploadedFiles.mediaType(contentType), bytes,
                ContentStore.sha256Hex(bytes));
    }
}
