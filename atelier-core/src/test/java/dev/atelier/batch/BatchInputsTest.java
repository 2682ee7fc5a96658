package dev.atelier.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchInputsTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(tmp.resolve("p/x"));
        for (String f : new String[] {"p/a.jpg", "p/b.png", "p/x/c.jpg", "p/.d.jpg"}) {
            Files.writeString(tmp.resolve(f), f);
        }
    }

    @Test
    void folderIsRecursiveSortedWithoutHiddenFiles() {
        assertThat(BatchInputs.resolve(tmp.resolve("p").toString())).extracting(BatchInput::relative)
                .containsExactly("a.jpg", "b.png", "x/c.jpg");
    }

    @Test
    void globIsRelativeToItsFolder() {
        assertThat(BatchInputs.resolve(tmp.resolve("p").toString() + "/**.jpg")).extracting(BatchInput::relative)
                .containsExactly("a.jpg", "x/c.jpg");
        assertThat(BatchInputs.resolve(tmp.resolve("p").toString() + "/*.jpg")).extracting(BatchInput::relative)
                .containsExactly("a.jpg");
        assertThat(BatchInputs.root(tmp.resolve("p") + "/*.jpg")).isEqualTo(tmp.resolve("p"));
    }

    @Test
    void listFileIsRelativeToItsFolder() throws IOException {
        Path list = Files.writeString(tmp.resolve("todo.txt"), "# two of them\np/x/c.jpg\n\n" + tmp.resolve("p/a.jpg")
                + "\n");
        assertThat(BatchInputs.resolve(list.toString())).extracting(BatchInput::relative, BatchInput::file)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.jpg", tmp.resolve("p/a.jpg")),
                        org.assertj.core.groups.Tuple.tuple("p/x/c.jpg", tmp.resolve("p/x/c.jpg")));
    }

    @Test
    void missingInputIsOneLine() {
        assertThatThrownBy(() -> BatchInputs.resolve(tmp.resolve("nope").toString()))
                .isInstanceOf(BatchException.class).hasMessage("input " + tmp.resolve("nope") + " does not exist");
    }

    @Test
    void namePatterns() {
        assertThat(new OutputNames(null, "wave").relativeOutput("x/c.jpg")).isEqualTo("x/c.jpg.wave.png");
        assertThat(new OutputNames("{style}/{dir}/{stem}.jpg", "wave").relativeOutput("x/c.jpg"))
                .isEqualTo("wave/x/c.jpg");
        assertThat(new OutputNames("{style}/{dir}/{stem}.png", "wave").relativeOutput("c.jpg"))
                .isEqualTo("wave/c.png");
        assertThatThrownBy(() -> new OutputNames("../{name}.png", "w").relativeOutput("c.jpg"))
                .hasMessageContaining("outside the output folder");
        assertThatThrownBy(() -> new OutputNames("{nam}.png", "w")).hasMessageContaining("unknown field {nam}");
    }
}
