package org.qiqing.casework.web;

import org.qiqing.casework.CaseState;
import org.qiqing.casework.DispatchBoard;
import org.qiqing.organisation.Actor;
import org.qiqing.platform.NotFound;
import org.qiqing.platform.Paging;
import org.qiqing.platform.Text;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dispatch board (受理分拨台): the columns of what the service centre has to take up, each
 * with its true count and its first cards; a column's further cards are a page of their
 * own ({@code /board/columns/SUBMITTED?page=1}), which htmx swaps into the board in
 * place.
 */
@Controller
class DispatchBoardController {

	static final String BOARD = "cases/board";

	/** Cards per column and page: a column fits a phone's screen or two. */
	static final int CARDS = 10;

	private final DispatchBoard board;

	DispatchBoardController(DispatchBoard board) {
		this.board = board;
	}

	@GetMapping("/board")
	String showBoard(Actor actor, Model model) {
		model.addAttribute("columns", this.board.columns(actor, CARDS));
		return BOARD;
	}

	@GetMapping("/board/columns/{state}")
	String showColumn(@PathVariable String state, @RequestParam(defaultValue = "0") int page, Actor actor,
			Model model) {
		CaseState column = DispatchBoard.COLUMNS.stream()
			.filter(candidate -> candidate.name().equals(state))
			.findFirst()
			.orElseThrow(() -> new NotFound(Text.of("board.error.noColumn", state)));
		Paging paging = Paging.of(page, CARDS, CARDS);
		model.addAttribute("columns", java.util.List.of(this.board.column(actor, column, paging.page(), CARDS)));
		model.addAttribute("single", true);
		return BOARD;
	}

}
