package dev.atelier.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.weights.FloatTensor;
import dev.atelier.weights.Safetensors;
import dev.atelier.weights.WeightsException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training run's state in one safetensors file: the parameters under their own names, Adam's moments under
 * {@code optimizer.exp_avg.NAME} and {@code optimizer.exp_avg_sq.NAME}, and in the metadata the architecture, the
 * step count, the run's settings and every step's record so far. Written atomically.
 */
public record Checkpoint(String architecture, long step, Map<String, String> settings,
                         Map<String, FloatTensor> parameters, Map<String, float[]> expAvg,
                         Map<String, float[]> expAvgSq, List<StepRecord> history) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AVG = "optimizer.exp_avg.";
    private static final String AVG_SQ = "optimizer.exp_avg_sq.";
    static final String MARK = "atelier.checkpoint";

    /** The trainer's state now. */
    public static Checkpoint of(Trainer trainer, Map<String, String> settings, List<StepRecord> history) {
        Map<String, float[]> avg = new LinkedHashMap<>();
        Map<String, float[]> avgSq = new LinkedHashMap<>();
        trainer.optimiser().expAvg().forEach((n, a) -> avg.put(n, a.toFloatArray()));
        trainer.optimiser().expAvgSq().forEach((n, a) -> avgSq.put(n, a.toFloatArray()));
        return new Checkpoint(trainer.network().architecture(), trainer.stepsDone(), settings, trainer.parameters(),
                avg, avgSq, List.copyOf(history));
    }

    public void write(Path file) throws IOException {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>(parameters);
        parameters.forEach((name, p) -> {
            tensors.put(AVG + name, new FloatTensor(p.shape(), expAvg.get(name)));
            tensors.put(AVG_SQ + name, new FloatTensor(p.shape(), expAvgSq.get(name)));
        });
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(MARK, "1");
        meta.put("architecture", architecture);
        meta.put("step", Long.toString(step));
        meta.put("settings", JSON.writeValueAsString(settings));
        meta.put("history", JSON.writeValueAsString(history));
        Safetensors.write(file, tensors, meta);
    }

    /**
     * Reads a checkpoint for {@code network}; a file that is not a checkpoint, or one of another architecture or
     * other parameter shapes, is refused with one line.
     */
    public static Checkpoint read(Path file, TrainableNetwork network) {
        Safetensors.Contents c = Safetensors.read(file);
        Map<String, String> meta = c.metadata();
        String where = "--resume file '" + file + "'";
        if (!"1".equals(meta.get(MARK))) {
            throw new WeightsException(where + " is not an Atelier training checkpoint");
        }
        if (!network.architecture().equals(meta.get("architecture"))) {
            throw new WeightsException(where + " is a checkpoint of " + meta.get("architecture") + ", not of "
                    + network.architecture());
        }
        Map<String, FloatTensor> params = new LinkedHashMap<>();
        Map<String, float[]> avg = new LinkedHashMap<>();
        Map<String, float[]> avgSq = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : network.parameterShapes().entrySet()) {
            String name = e.getKey();
            for (String key : new String[] {name, AVG + name, AVG_SQ + name}) {
                FloatTensor t = c.tensors().get(key);
                if (t == null || !Arrays.equals(t.shape(), e.getValue())) {
                    throw new WeightsException(where + " does not hold " + network.architecture() + "'s tensor "
                            + key + " of shape " + Arrays.toString(e.getValue()));
                }
            }
            params.put(name, c.tensors().get(name));
            avg.put(name, c.tensors().get(AVG + name).values());
            avgSq.put(name, c.tensors().get(AVG_SQ + name).values());
        }
        try {
            long step = Long.parseLong(meta.getOrDefault("step", "-1"));
            Map<String, String> settings = JSON.readValue(meta.getOrDefault("settings", "{}"), new TypeReference<>() {});
            List<StepRecord> history = new ArrayList<>(JSON.readValue(meta.getOrDefault("history", "[]"),
                    new TypeReference<List<StepRecord>>() {}));
            if (step < 0 || history.size() != step) {
                throw new WeightsException(where + " has an inconsistent step count");
            }
            return new Checkpoint(meta.get("architecture"), step, settings, params, avg, avgSq, history);
        } catch (JsonProcessingException | NumberFormatException e) {
            throw new WeightsException(where + " has unreadable metadata: " + e.getMessage().lines().findFirst()
                    .orElse(""), e);
        }
    }
}
