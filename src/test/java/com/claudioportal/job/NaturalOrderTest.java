package com.claudioportal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** File names as people sort them, on the job page's lists of what Claudio made and received. */
class NaturalOrderTest {

    @Test
    void numbersInNamesCompareAsNumbers() {
        List<String> names = new ArrayList<>(List.of("dictée-10.mp3", "dictée-2.mp3", "Dictée-1.mp3", "dictee-3.mp3", "dictée-02b.mp3",
                "dictée-100000000000000000000.mp3", "annexe.pdf"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("annexe.pdf", "Dictée-1.mp3", "dictée-2.mp3", "dictée-02b.mp3", "dictee-3.mp3", "dictée-10.mp3",
                "dictée-100000000000000000000.mp3"), names);
    }

    @Test
    void processedMediaAndClaudiosFilesAreListedInNaturalOrderAndKeepTheirIndex() {
        JobResult result = new JobResult(List.of(), List.of("https://c.example/m/dict%C3%A9e-10.mp3?sig=1", "https://c.example/m/dict%C3%A9e-2.mp3?sig=2"),
                List.<Map<String, Object>> of(), null, null);
        assertEquals(List.of(new JobResult.Link(1, "dictée-2.mp3"), new JobResult.Link(0, "dictée-10.mp3")), result.media());
        ClaudioDetails details = new ClaudioDetails("completed", null, null, null, null, null,
                List.of(new ClaudioDetails.File("dictée-10.wav", "audio", null, null), new ClaudioDetails.File("dictée-2.wav", "audio", null, null)),
                null);
        assertEquals(List.of("dictée-2.wav", "dictée-10.wav"), details.inputFiles().stream().map(ClaudioDetails.File::filename).toList());
    }
}
