package com.kompaas.webhooks.intake.presentation;

import com.kompaas.webhooks.intake.boundary.DeadLetters;
import com.kompaas.webhooks.intake.entity.DeadLetter;
import com.kompaas.webhooks.platform.presentation.ConsoleText;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The intake's dead letters for operators: read, redrive, discard. */
@Named
@ViewScoped
public class DeadLettersBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject DeadLetters deadLetters;

  private final LazyDataModel<DeadLetter> model =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
          return (int) Math.min(Integer.MAX_VALUE, deadLetters.count());
        }

        @Override
        public List<DeadLetter> load(
            int first, int size, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
          return deadLetters.list(first, size);
        }

        @Override
        public String getRowKey(DeadLetter letter) {
          return String.valueOf(letter.getId());
        }
      };

  public void redrive(DeadLetter letter) {
    deadLetters
        .redrive(letter.getId())
        .ifPresentOrElse(
            outcome -> {
              switch (outcome) {
                case STORED -> ConsoleText.info("deadLetters.stored");
                case DUPLICATE -> ConsoleText.info("deadLetters.duplicate");
                case DEAD_LETTERED -> ConsoleText.warn("deadLetters.rejected");
              }
            },
            () -> ConsoleText.warn("deadLetters.gone"));
  }

  public void discard(DeadLetter letter) {
    deadLetters.discard(letter.getId());
    ConsoleText.info("deadLetters.discarded");
  }

  public LazyDataModel<DeadLetter> getModel() {
    return model;
  }
}
