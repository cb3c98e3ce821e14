package org.civicportal.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a Java Flight Recording of {@link SearchLoop} and prints, for each method named, the share
 * of the calling thread's execution samples with that method on the stack (its inclusive share).
 *
 * <p>Arguments: the {@code .jfr} file, then methods as {@code SimpleClassName.method}, for example
 * {@code PageSearch.hits}.
 */
public final class ProfileShares {

  private ProfileShares() {}

  public static void main(String[] args) throws IOException {
    List<String> methods = List.of(args).subList(1, args.length);
    Map<String, Integer> hits = new LinkedHashMap<>();
    methods.forEach(method -> hits.put(method, 0));
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getStackTrace() == null
          || !"main".equals(event.getThread("sampledThread").getJavaName())) {
        continue;
      }
      samples++;
      Set<String> onStack = new HashSet<>();
      for (RecordedFrame frame : event.getStackTrace().getFrames()) {
        String type = frame.getMethod().getType().getName();
        onStack.add(type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName());
      }
      for (String method : methods) {
        if (onStack.contains(method)) {
          hits.merge(method, 1, Integer::sum);
        }
      }
    }
    System.out.println(samples + " samples of the calling thread");
    for (Map.Entry<String, Integer> entry : hits.entrySet()) {
      System.out.printf(
          "%5.1f%% %s%n", 100.0 * entry.getValue() / Math.max(samples, 1), entry.getKey());
    }
  }
}
