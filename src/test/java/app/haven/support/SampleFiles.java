package app.haven.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.util.MultiValueMap;

/** Real files of each kind an upload can be, built in memory, and the multipart bodies that carry them. */
public final class SampleFiles {

    private SampleFiles() {
    }

    public static byte[] pdf() {
        return """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] text() {
        return "Thought record, Tuesday: noticed the worry, wrote it down, let it pass. Ça va mieux.\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] png() {
        return image("png");
    }

    public static byte[] jpeg() {
        return image("jpg");
    }

    /** A minimal Word document: a ZIP whose parts say it is one. */
    public static byte[] docx() {
        return zip(new String[][] {
                { "[Content_Types].xml", """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                        <Default Extension="xml" ContentType="application/xml"/>
                        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                        </Types>""" },
                { "_rels/.rels", """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                        </Relationships>""" },
                { "word/document.xml", """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                        <w:body><w:p><w:r><w:t>Worksheet</w:t></w:r></w:p></w:body></w:document>""" } });
    }

    /** Any other ZIP archive. */
    public static byte[] zip() {
        return zip(new String[][] { { "notes.txt", "not a document" } });
    }

    /** The start of a Windows executable: what {@code evil.exe} renamed to {@code worksheet.pdf} still is. */
    public static byte[] executable() {
        byte[] bytes = new byte[1024];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3c] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        return bytes;
    }

    /** Bytes no detector recognises. */
    public static byte[] noise(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + 7 ^ 0x9c);
        }
        bytes[0] = 0x00;
        bytes[1] = (byte) 0xfe;
        return bytes;
    }

    /** A text file of exactly {@code size} bytes. */
    public static byte[] textOfSize(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        for (int i = 79; i < size; i += 80) {
            bytes[i] = '\n';
        }
        return bytes;
    }

    /** A multipart body with {@code bytes} as its {@code file} part, named {@code filename}. */
    public static MultiValueMap<String, HttpEntity<?>> multipart(String filename, byte[] bytes) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return body.build();
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zip(String[][] entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String[] entry : entries) {
                zip.putNextEntry(new ZipEntry(entry[0]));
                zip.write(entry[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
